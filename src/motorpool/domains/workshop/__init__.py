"""workshop — service types and their durations, workshop appointments, courtesy cars.

An appointment books a bay of a centre's workshop (and, if asked, a courtesy car) through
the booking domain. The public face: other domains, products and apps use only what is
imported here.
"""

from motorpool.domains.workshop import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.workshop.catalogue import (
    ensure_service_catalogue,
    service_types,
    set_duration,
)
from motorpool.domains.workshop.events import (
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentCheckedIn,
    AppointmentFinished,
    AppointmentRescheduled,
)
from motorpool.domains.workshop.handlers import HANDLERS
from motorpool.domains.workshop.model import (
    STANDARD_SERVICES,
    AppointmentNotFound,
    AppointmentStatus,
    CourtesyCarUnavailable,
    InvalidAppointmentTransition,
    UnknownServiceType,
    WorkshopNotOffered,
)
from motorpool.domains.workshop.routes import router
from motorpool.domains.workshop.schemas import (
    AppointmentCreate,
    AppointmentPage,
    AppointmentRead,
    AppointmentSlots,
    AppointmentUpdate,
    DaySheet,
    ServiceTypeRead,
)
from motorpool.domains.workshop.service import (
    appointment_slots,
    appointments_of,
    book_appointment,
    cancel,
    check_in,
    day_sheet,
    finish,
    get_appointment,
    personal_data,
    reschedule,
)

__all__ = [
    "HANDLERS",
    "STANDARD_SERVICES",
    "AppointmentBooked",
    "AppointmentCancelled",
    "AppointmentCheckedIn",
    "AppointmentCreate",
    "AppointmentFinished",
    "AppointmentNotFound",
    "AppointmentPage",
    "AppointmentRead",
    "AppointmentRescheduled",
    "AppointmentSlots",
    "AppointmentStatus",
    "AppointmentUpdate",
    "CourtesyCarUnavailable",
    "DaySheet",
    "InvalidAppointmentTransition",
    "ServiceTypeRead",
    "UnknownServiceType",
    "WorkshopNotOffered",
    "appointment_slots",
    "appointments_of",
    "book_appointment",
    "cancel",
    "check_in",
    "day_sheet",
    "ensure_service_catalogue",
    "finish",
    "get_appointment",
    "personal_data",
    "reschedule",
    "router",
    "service_types",
    "set_duration",
]
