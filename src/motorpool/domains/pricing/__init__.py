"""pricing — rate plans per product and market, options, vouchers, VAT, currencies, quotes.

Money is ``Decimal`` with an ISO 4217 currency, never float; every line is net and rounded
by its currency; VAT is added per rate on the sum of its lines. A quote holds its price for
30 minutes; once accepted for a booking that booking keeps the quoted price.

The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.pricing import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.pricing.charges import renewal_lines, usage_lines
from motorpool.domains.pricing.events import QuoteAccepted
from motorpool.domains.pricing.handlers import HANDLERS
from motorpool.domains.pricing.model import (
    InvalidPeriod,
    InvalidVoucher,
    PriceLine,
    QuoteAlreadyAccepted,
    QuoteExpired,
    QuoteNotAccepted,
    QuoteNotFound,
    QuoteStatus,
    TaxLine,
    Totals,
    UnknownOption,
    VoucherExists,
    VoucherKind,
    VoucherNotValid,
    totals,
)
from motorpool.domains.pricing.rates import (
    MARKETS,
    Market,
    NoRatePlan,
    Option,
    OptionPer,
    RateBook,
    RatePlan,
    Tier,
    Unit,
    UnknownMarket,
    free_plan,
    tax_rate,
)
from motorpool.domains.pricing.routes import router
from motorpool.domains.pricing.schemas import (
    PriceLineRead,
    QuoteAccept,
    QuoteCreate,
    QuoteRead,
    RatePlanRead,
    TaxLineRead,
    VoucherCreate,
    VoucherRead,
)
from motorpool.domains.pricing.service import (
    accept_quote,
    create_voucher,
    get_quote,
    quote,
    settle,
)

__all__ = [
    "HANDLERS",
    "MARKETS",
    "InvalidPeriod",
    "InvalidVoucher",
    "Market",
    "NoRatePlan",
    "Option",
    "OptionPer",
    "PriceLine",
    "PriceLineRead",
    "QuoteAccept",
    "QuoteAccepted",
    "QuoteAlreadyAccepted",
    "QuoteCreate",
    "QuoteExpired",
    "QuoteNotAccepted",
    "QuoteNotFound",
    "QuoteRead",
    "QuoteStatus",
    "RateBook",
    "RatePlan",
    "RatePlanRead",
    "TaxLine",
    "TaxLineRead",
    "Tier",
    "Totals",
    "Unit",
    "UnknownMarket",
    "UnknownOption",
    "VoucherCreate",
    "VoucherExists",
    "VoucherKind",
    "VoucherNotValid",
    "VoucherRead",
    "accept_quote",
    "create_voucher",
    "free_plan",
    "get_quote",
    "quote",
    "renewal_lines",
    "router",
    "settle",
    "tax_rate",
    "totals",
    "usage_lines",
]
