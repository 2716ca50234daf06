"""Payment providers: the interface billing charges and refunds through, and two real
local implementations.

* :class:`BankTransferProvider` — an invoice paid by transfer: the charge is *pending* and
  carries the instructions (IBAN, BIC, holder, the reference to quote); staff mark the
  transfer as received when it shows up on the account.
* :class:`TestCardProvider` — a deterministic in-process card acquirer for development,
  demos and tests, answering like Stripe's test cards: 4242 4242 4242 4242 succeeds,
  4000 0000 0000 0002 is declined (``card_declined``), 4000 0000 0000 9995 has
  ``insufficient_funds``, 4000 0000 0000 0069 is an ``expired_card``; any other number
  passing the Luhn check succeeds. It keeps no state: a charge id carries the charge's
  amount, sealed with an HMAC, so a refund is checked against the real charge even in
  another process or after a restart.

A production deployment injects its acquirer's adapter under the same interface
(``create_app(payment_providers=...)``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from motorpool.domains.billing import model
from motorpool.domains.billing.schemas import PaymentMethodIn
from motorpool.platform.money import Money


@dataclass(frozen=True)
class ProviderCharge:
    """A provider's answer to a charge: succeeded, pending (a transfer) or declined."""

    charge_id: str
    status: str  # "succeeded" | "pending" | "declined"
    decline_reason: str | None = None
    card_last4: str | None = None
    instructions: dict[str, str] = field(default_factory=dict)

    @property
    def declined(self) -> bool:
        return self.status == "declined"


@dataclass(frozen=True)
class ProviderRefund:
    refund_id: str
    status: str  # "succeeded" | "pending" (money on its way back)


class PaymentProvider(Protocol):
    async def charge(
        self, *, amount: Money, reference: str, method: PaymentMethodIn
    ) -> ProviderCharge: ...

    async def refund(self, *, charge_id: str, amount: Money) -> ProviderRefund: ...


PaymentProviders = Mapping[str, PaymentProvider]
"""The providers by payment method kind (``"card"``, ``"bank_transfer"``)."""


def provider_for(providers: PaymentProviders, kind: str) -> PaymentProvider:
    provider = providers.get(kind)
    if provider is None:
        raise model.PaymentMethodUnavailable(f"no provider for {kind!r} payments")
    return provider


# --------------------------------------------------------------------------- bank transfer


def iban_ok(iban: str) -> bool:
    """ISO 13616 check digits (mod 97)."""
    compact = iban.replace(" ", "").upper()
    if not (15 <= len(compact) <= 34 and compact[:2].isalpha() and compact.isalnum()):
        return False
    moved = compact[4:] + compact[:4]
    digits = "".join(str(int(c, 36)) for c in moved)
    return int(digits) % 97 == 1


class BankTransferProvider:
    """Invoices paid by bank transfer into the brand's account."""

    def __init__(
        self,
        *,
        iban: str = "DE89 3704 0044 0532 0130 00",
        bic: str = "COBADEFFXXX",
        account_holder: str = "Motorpool Mobility GmbH",
    ) -> None:
        if not iban_ok(iban):
            raise ValueError(f"{iban!r} is not a valid IBAN")
        self.iban = iban
        self.bic = bic
        self.account_holder = account_holder

    async def charge(
        self, *, amount: Money, reference: str, method: PaymentMethodIn
    ) -> ProviderCharge:
        return ProviderCharge(
            charge_id=f"bt_{uuid.uuid4().hex}",
            status="pending",
            instructions={
                "iban": self.iban,
                "bic": self.bic,
                "account_holder": self.account_holder,
                "reference": reference,
                "amount": str(amount.rounded().amount),
                "currency": amount.currency,
            },
        )

    async def refund(self, *, charge_id: str, amount: Money) -> ProviderRefund:
        if not charge_id.startswith("bt_"):
            raise model.UnknownCharge(f"{charge_id!r} is not a bank transfer")
        # the money goes back by an outgoing transfer that staff send from the account
        return ProviderRefund(refund_id=f"btr_{uuid.uuid4().hex}", status="pending")


# --------------------------------------------------------------------------- test cards

DECLINES = {
    "4000000000000002": "card_declined",
    "4000000000009995": "insufficient_funds",
    "4000000000000069": "expired_card",
    "4000000000000127": "incorrect_cvc",
}


class TestCardProvider:
    """A deterministic card acquirer that runs in-process (see the module's docstring)."""

    __test__ = False  # not a pytest test class, despite its name

    def __init__(self, *, secret: bytes = b"motorpool-test-cards") -> None:
        self._secret = secret

    def _seal(self, payload: dict[str, str]) -> str:
        body = base64.urlsafe_b64encode(json.dumps(payload, sort_keys=True).encode()).decode()
        mac = hmac.new(self._secret, body.encode(), hashlib.sha256).hexdigest()[:32]
        return f"ch_test_{body.rstrip('=')}.{mac}"

    def _open(self, charge_id: str) -> dict[str, str]:
        if not charge_id.startswith("ch_test_") or "." not in charge_id:
            raise model.UnknownCharge(f"{charge_id!r} is not a test card charge")
        body, mac = charge_id.removeprefix("ch_test_").rsplit(".", 1)
        padded = body + "=" * (-len(body) % 4)
        expected = hmac.new(self._secret, padded.encode(), hashlib.sha256).hexdigest()[:32]
        if not hmac.compare_digest(mac, expected):
            raise model.UnknownCharge(f"{charge_id!r} was not issued by this provider")
        payload: dict[str, str] = json.loads(base64.urlsafe_b64decode(padded))
        return payload

    async def charge(
        self, *, amount: Money, reference: str, method: PaymentMethodIn
    ) -> ProviderCharge:
        digits = model.card_digits(method.card_number or "")
        last4 = digits[-4:]
        reason = DECLINES.get(digits)
        if reason is not None:
            return ProviderCharge(
                charge_id="", status="declined", decline_reason=reason, card_last4=last4
            )
        charge_id = self._seal(
            {
                "amount": str(amount.rounded().amount),
                "currency": amount.currency,
                "reference": reference,
                "last4": last4,
                "nonce": uuid.uuid4().hex[:12],
            }
        )
        return ProviderCharge(charge_id=charge_id, status="succeeded", card_last4=last4)

    async def refund(self, *, charge_id: str, amount: Money) -> ProviderRefund:
        charge = self._open(charge_id)
        charged = Money(Decimal(charge["amount"]), charge["currency"])
        if amount.currency != charged.currency or amount > charged or amount.amount <= 0:
            raise model.RefundExceedsPayment(f"the charge was {charged}")
        digest = hashlib.sha256(f"{charge_id}:{amount}:{uuid.uuid4()}".encode()).hexdigest()
        return ProviderRefund(refund_id=f"re_test_{digest[:24]}", status="succeeded")


def default_providers(*, test_cards: bool = True) -> dict[str, PaymentProvider]:
    """What a deployment offers unless it injects its own: bank transfer, and — outside
    production — the test cards. A production deployment injects its card acquirer."""
    providers: dict[str, PaymentProvider] = {
        model.PaymentKind.bank_transfer.value: BankTransferProvider(),
    }
    if test_cards:
        providers[model.PaymentKind.card.value] = TestCardProvider()
    return providers
