"""Explicit wiring: which of this domain's reactions run on which event."""

from __future__ import annotations

from motorpool.domains.identity.events import (
    EmailVerificationRequested,
    PasswordResetRequested,
    RegistrationRepeated,
)
from motorpool.domains.identity.mails import compose
from motorpool.platform.mail import Mailer
from motorpool.platform.outbox import HandlerTable
from motorpool.platform.tenancy import brand_name
from motorpool.platform.uow import UnitOfWork


class IdentityMail:
    """Sends the mails that carry one-time links. (The notify domain takes these over.)"""

    def __init__(self, mailer: Mailer, *, base_url: str) -> None:
        self.mailer = mailer
        self.base_url = base_url

    async def send_verification(
        self, event: EmailVerificationRequested, *, uow: UnitOfWork
    ) -> None:
        await self.mailer.send(
            compose(
                "verify",
                to=event.email,
                locale=event.locale,
                brand=await brand_name(uow),
                base=self.base_url,
                token=event.token,
            )
        )

    async def send_account_exists(self, event: RegistrationRepeated, *, uow: UnitOfWork) -> None:
        await self.mailer.send(
            compose(
                "exists",
                to=event.email,
                locale=event.locale,
                brand=await brand_name(uow),
                base=self.base_url,
            )
        )

    async def send_reset(self, event: PasswordResetRequested, *, uow: UnitOfWork) -> None:
        await self.mailer.send(
            compose(
                "reset",
                to=event.email,
                locale=event.locale,
                brand=await brand_name(uow),
                base=self.base_url,
                token=event.token,
            )
        )


def event_handlers(*, mailer: Mailer, base_url: str) -> HandlerTable:
    mail = IdentityMail(mailer, base_url=base_url)
    return {
        EmailVerificationRequested: [mail.send_verification],
        RegistrationRepeated: [mail.send_account_exists],
        PasswordResetRequested: [mail.send_reset],
    }
