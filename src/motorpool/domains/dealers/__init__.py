"""dealers — centres: address, coordinates, time zone, opening hours, closures, offers.

The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.dealers import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.dealers.events import (
    CentreClosureAdded,
    CentreClosureRemoved,
    CentreDetailsChanged,
    CentreHoursChanged,
    CentreOpened,
)
from motorpool.domains.dealers.handlers import HANDLERS
from motorpool.domains.dealers.model import (
    CentreCodeTaken,
    CentreNotFound,
    ClosureExists,
    ClosureNotFound,
    InvalidOpeningHours,
    Schedule,
    UnknownTimeZone,
)
from motorpool.domains.dealers.routes import router
from motorpool.domains.dealers.schemas import (
    CentreCreate,
    CentrePage,
    CentreRead,
    CentreUpdate,
    ClosureCreate,
    ClosureRead,
    NearestCentreRead,
    Offer,
    OpeningHoursRead,
    OpeningHoursUpdate,
    OpeningInterval,
    OpeningStatusRead,
)
from motorpool.domains.dealers.service import (
    add_closure,
    centre_schedule,
    create_centre,
    get_centre,
    list_centres,
    nearest_centres,
    opening_hours,
    opening_status,
    remove_closure,
    set_opening_hours,
    update_centre,
)

__all__ = [
    "HANDLERS",
    "CentreClosureAdded",
    "CentreClosureRemoved",
    "CentreCodeTaken",
    "CentreCreate",
    "CentreDetailsChanged",
    "CentreHoursChanged",
    "CentreNotFound",
    "CentreOpened",
    "CentrePage",
    "CentreRead",
    "CentreUpdate",
    "ClosureCreate",
    "ClosureExists",
    "ClosureNotFound",
    "ClosureRead",
    "InvalidOpeningHours",
    "NearestCentreRead",
    "Offer",
    "OpeningHoursRead",
    "OpeningHoursUpdate",
    "OpeningInterval",
    "OpeningStatusRead",
    "Schedule",
    "UnknownTimeZone",
    "add_closure",
    "centre_schedule",
    "create_centre",
    "get_centre",
    "list_centres",
    "nearest_centres",
    "opening_hours",
    "opening_status",
    "remove_closure",
    "router",
    "set_opening_hours",
    "update_centre",
]
