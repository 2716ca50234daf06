"""Prometheus metrics every deployment exposes at ``/metrics``."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "motorpool_http_requests_total",
    "HTTP requests by route template, method and status",
    ["route", "method", "status"],
    registry=REGISTRY,
)
LATENCY = Histogram(
    "motorpool_http_request_seconds",
    "HTTP request latency by route template",
    ["route", "method"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
    registry=REGISTRY,
)
EVENTS_PUBLISHED = Counter(
    "motorpool_events_published_total",
    "Outbox events handed to the bus",
    registry=REGISTRY,
)
EVENTS_HANDLED = Counter(
    "motorpool_events_handled_total",
    "Events handled by a consumer (first delivery only)",
    ["consumer"],
    registry=REGISTRY,
)
