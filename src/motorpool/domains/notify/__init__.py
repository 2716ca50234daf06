"""notify — being built; see DESIGN.md's table of domains.

The public face: other domains, products and apps use only what is imported here.
"""

from motorpool.domains.notify.handlers import HANDLERS
from motorpool.domains.notify.routes import router

__all__ = ["HANDLERS", "router"]
