"""identity — customers and staff, credentials, tokens, profile, consents, favourite centre.

The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.identity import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.identity.events import (
    AccountCreatedByStaff,
    CustomerErased,
    CustomerRegistered,
    EmailVerificationRequested,
    EmailVerified,
    FavouriteCentreChosen,
    PasswordChanged,
    PasswordResetRequested,
    ProfileChanged,
    RegistrationRepeated,
)
from motorpool.domains.identity.handlers import event_handlers
from motorpool.domains.identity.model import EmailTaken, InvalidCredentials
from motorpool.domains.identity.routes import router
from motorpool.domains.identity.schemas import (
    AccountCreate,
    CustomerCreate,
    ProfileRead,
    ProfileUpdate,
    TokenRead,
)
from motorpool.domains.identity.service import (
    SignInPolicy,
    create_account,
    get_profile,
    list_accounts,
    personal_data,
    register,
    session_is_active,
    sign_in,
    update_profile,
    verify_email,
)

__all__ = [
    "AccountCreate",
    "AccountCreatedByStaff",
    "CustomerCreate",
    "CustomerErased",
    "CustomerRegistered",
    "EmailTaken",
    "EmailVerificationRequested",
    "EmailVerified",
    "FavouriteCentreChosen",
    "InvalidCredentials",
    "PasswordChanged",
    "PasswordResetRequested",
    "ProfileChanged",
    "ProfileRead",
    "ProfileUpdate",
    "RegistrationRepeated",
    "SignInPolicy",
    "TokenRead",
    "create_account",
    "event_handlers",
    "get_profile",
    "list_accounts",
    "personal_data",
    "register",
    "router",
    "session_is_active",
    "sign_in",
    "update_profile",
    "verify_email",
]
