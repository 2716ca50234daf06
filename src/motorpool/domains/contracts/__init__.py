"""contracts — rental agreements, subscriptions and Flex swaps, hand-over and return records.

A rental agreement is opened from a confirmed booking at its accepted quote; its hand-over
starts the booking and its return completes it, settles the extras through pricing and
issues one invoice through billing. A subscription runs in monthly periods, each invoiced
once; Flex swaps book the new car through booking, a few per period.
The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.contracts import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.contracts.daysheet import today
from motorpool.domains.contracts.events import (
    AgreementOpened,
    CarSwapped,
    SubscriptionEnded,
    SubscriptionPaused,
    SubscriptionRenewed,
    SubscriptionResumed,
    SubscriptionStarted,
    VehicleHandedOver,
    VehicleReturned,
)
from motorpool.domains.contracts.handlers import HANDLERS
from motorpool.domains.contracts.model import (
    AgreementExists,
    AgreementNotFound,
    AgreementStatus,
    AlreadyHandedOver,
    AlreadyReturned,
    BookingNotConfirmed,
    ImplausibleReading,
    InvalidSubscription,
    InvalidSubscriptionTransition,
    MinimumTerm,
    NotHandedOver,
    QuoteMismatch,
    SubscriptionNotFound,
    SubscriptionStatus,
    SubscriptionTerms,
    SwapAllowanceExhausted,
    UnknownBooking,
)
from motorpool.domains.contracts.rentals import (
    agreements_of,
    get_agreement,
    hand_over,
    open_rental,
    take_return,
)
from motorpool.domains.contracts.routes import router
from motorpool.domains.contracts.schemas import (
    AgreementCreate,
    AgreementPage,
    AgreementRead,
    HandoverCreate,
    InspectionRead,
    PeriodRead,
    ReturnCreate,
    ReturnSettlement,
    SettlementLineRead,
    SubscriptionCreate,
    SubscriptionEnd,
    SubscriptionRead,
    SwapCreate,
    SwapRead,
    TodaySheet,
)
from motorpool.domains.contracts.subscriptions import (
    end_subscription,
    get_subscription,
    pause,
    renew_due,
    resume,
    start_subscription,
)
from motorpool.domains.contracts.swaps import swap

__all__ = [
    "HANDLERS",
    "AgreementCreate",
    "AgreementExists",
    "AgreementNotFound",
    "AgreementOpened",
    "AgreementPage",
    "AgreementRead",
    "AgreementStatus",
    "AlreadyHandedOver",
    "AlreadyReturned",
    "BookingNotConfirmed",
    "CarSwapped",
    "HandoverCreate",
    "ImplausibleReading",
    "InspectionRead",
    "InvalidSubscription",
    "InvalidSubscriptionTransition",
    "MinimumTerm",
    "NotHandedOver",
    "PeriodRead",
    "QuoteMismatch",
    "ReturnCreate",
    "ReturnSettlement",
    "SettlementLineRead",
    "SubscriptionCreate",
    "SubscriptionEnd",
    "SubscriptionEnded",
    "SubscriptionNotFound",
    "SubscriptionPaused",
    "SubscriptionRead",
    "SubscriptionRenewed",
    "SubscriptionResumed",
    "SubscriptionStarted",
    "SubscriptionStatus",
    "SubscriptionTerms",
    "SwapAllowanceExhausted",
    "SwapCreate",
    "SwapRead",
    "TodaySheet",
    "UnknownBooking",
    "VehicleHandedOver",
    "VehicleReturned",
    "agreements_of",
    "end_subscription",
    "get_agreement",
    "get_subscription",
    "hand_over",
    "open_rental",
    "pause",
    "renew_due",
    "resume",
    "router",
    "start_subscription",
    "swap",
    "take_return",
    "today",
]
