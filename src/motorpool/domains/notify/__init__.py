"""notify — messages to customers (email first), rendered in the customer's language from
the other domains' events, sent once per event even after a crash.

How "once per event" holds, exactly:

* **Recording is exactly once.** A handler runs once per event (the platform's inbox) and
  records the message in that same transaction, under a unique (brand, event, kind) key —
  a redelivered event, or a handler run twice, cannot record a second message.
* **Sending is at least once, duplicates recognisable.** The :class:`Dispatcher` claims
  due messages, sends them by SMTP, then marks them sent, each step its own transaction.
  A crash before the send: the claim lapses and the message goes out later, once. A crash
  after the SMTP server accepted the mail but before the mark was committed: the message
  is sent again — the only way a customer gets two copies — and both carry the same
  ``Message-ID`` (``<notify.{message id}@{sender's domain}>``), so clients can tell.
  No mail protocol lets a sender do better than that.

Messages: booking confirmed (not for workshop bays and courtesy cars, whose appointment
mail says it), a pick-up reminder ``reminder_lead`` (24 h) before the start — moved with
the booking, cancelled with it, expired if it could not go out before the pick-up —,
workshop appointment booked, invoice issued. An erased customer's messages lose their
address and texts. The public face: other domains, products and apps use only what is
imported here.
"""

from motorpool.domains.notify import tables as _tables  # noqa: F401  (registers the tables)
from motorpool.domains.notify.dispatch import Dispatcher
from motorpool.domains.notify.events import MessageSent
from motorpool.domains.notify.handlers import Notifier, event_handlers
from motorpool.domains.notify.model import (
    DEFAULT_REMINDER_LEAD,
    MessageKind,
    MessageStatus,
)
from motorpool.domains.notify.routes import router
from motorpool.domains.notify.schemas import (
    MessageAdminPage,
    MessageAdminRead,
    MessagePage,
    MessageRead,
)
from motorpool.domains.notify.service import list_messages, messages_of, personal_data

__all__ = [
    "DEFAULT_REMINDER_LEAD",
    "Dispatcher",
    "MessageAdminPage",
    "MessageAdminRead",
    "MessageKind",
    "MessagePage",
    "MessageRead",
    "MessageSent",
    "MessageStatus",
    "Notifier",
    "event_handlers",
    "list_messages",
    "messages_of",
    "personal_data",
    "router",
]
