"""booking — one availability and reservation engine for every product.

Rental, subscription, Flex swaps, car sharing, test drives, workshop appointments and
courtesy cars all book through this domain, each configured by a :class:`BookingPolicy`.
The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.booking import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.booking.availability import (
    Filters,
    day_slots,
    free_resources,
    month_calendar,
    next_free_slots,
)
from motorpool.domains.booking.events import (
    BookingCancelled,
    BookingCompleted,
    BookingConfirmed,
    BookingHeld,
    BookingModified,
    BookingNoShow,
    BookingStarted,
    HoldExpired,
    ResourceBlocked,
)
from motorpool.domains.booking.handlers import HANDLERS
from motorpool.domains.booking.model import (
    BookingPolicy,
    ResourceKind,
    SlotTaken,
    Status,
)
from motorpool.domains.booking.routes import router
from motorpool.domains.booking.schemas import (
    BlockCreate,
    BookingRead,
    HoldCreate,
    ResourceCreate,
    ResourceRead,
)
from motorpool.domains.booking.service import (
    add_block,
    cancel,
    complete,
    confirm,
    create_resource,
    end_block,
    end_early,
    expire_holds,
    get_booking,
    hold,
    list_bookings,
    list_resources,
    modify,
    no_show,
    personal_data,
    start,
)

__all__ = [
    "HANDLERS",
    "BlockCreate",
    "BookingCancelled",
    "BookingCompleted",
    "BookingConfirmed",
    "BookingHeld",
    "BookingModified",
    "BookingNoShow",
    "BookingPolicy",
    "BookingRead",
    "BookingStarted",
    "Filters",
    "HoldCreate",
    "HoldExpired",
    "ResourceBlocked",
    "ResourceCreate",
    "ResourceKind",
    "ResourceRead",
    "SlotTaken",
    "Status",
    "add_block",
    "cancel",
    "complete",
    "confirm",
    "create_resource",
    "day_slots",
    "end_block",
    "end_early",
    "expire_holds",
    "free_resources",
    "get_booking",
    "hold",
    "list_bookings",
    "list_resources",
    "modify",
    "month_calendar",
    "next_free_slots",
    "no_show",
    "personal_data",
    "router",
    "start",
]
