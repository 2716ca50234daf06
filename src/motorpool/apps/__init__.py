"""The shells people open (owner portal, storefront, admin): pages composing components."""
