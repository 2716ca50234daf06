// <mp-booking-list [product=…]>: my bookings (booking's /bookings), newest first, each on
// its centre's clock; cancel one that has not started (the product's fee rule applies).
// Method: load(). Event: mp-booking-cancelled {booking}.
import { MpElement, formatDateTime } from "@motorpool/platform";
import { css, html } from "lit";
import "./mobility-messages.js";

const CANCELLABLE = ["held", "confirmed"];

export class MpBookingList extends MpElement {
  static properties = {
    ...MpElement.properties,
    product: {},
    limit: { type: Number },
    _items: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      li {
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--_border);
      }
      li:last-child {
        border-bottom: 0;
      }
      .status {
        font-size: 0.85rem;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid currentColor;
      }
    `,
  ];

  constructor() {
    super();
    this.product = "";
    this.limit = 20;
    this._items = null;
    this._error = null;
    this._status = "";
  }

  updated(changed) {
    if (["token", "baseUrl", "product"].some((p) => changed.has(p))) this.load();
  }

  async load() {
    if (!this.token) {
      this.supersede("bookings");
      this._items = null;
      return;
    }
    try {
      const { answer, stale } = await this.latest("bookings", () =>
        this.api.get("/booking/bookings", {
          product: this.product,
          limit: this.limit,
          sort: "-created_at",
        }),
      );
      if (stale) return;
      this._error = null;
      this._items = answer.items;
    } catch (error) {
      this._error = error;
    }
  }

  async _cancel(booking) {
    try {
      this._error = null;
      const cancelled = await this.api.post(`/booking/bookings/${booking.id}/cancel`);
      this._status = this.t("booking.list.cancelled", { reference: cancelled.reference });
      this.emit("mp-booking-cancelled", { booking: cancelled });
      await this.load();
    } catch (error) {
      this._error = error;
    }
  }

  _when(b) {
    const zone = { timeZone: b.time_zone };
    return `${formatDateTime(b.starts_at, this.loc, zone)} – ${formatDateTime(b.ends_at, this.loc, zone)}`;
  }

  render() {
    const items = this._items;
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("booking.list.title")}</h2>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${!this.token
        ? html`<p class="muted">${this.t("common.signInFirst")}</p>`
        : items === null
          ? html`<p class="muted">${this.t("common.loading")}</p>`
          : items.length === 0
            ? html`<p>${this.t("booking.list.none")}</p>`
            : html`<ul class="plain">
                ${items.map(
                  (b) => html`<li data-booking=${b.reference}>
                    <div class="row" style="justify-content:space-between">
                      <strong>${this.t(`booking.product.${b.product}`)} · ${b.reference}</strong>
                      <span class="status" data-status=${b.status}
                        >${this.t(`booking.status.${b.status}`)}</span
                      >
                    </div>
                    <div class="muted">${this._when(b)}</div>
                    ${b.cancellation_fee_percent && Number(b.cancellation_fee_percent) > 0
                      ? html`<div class="muted">
                          ${this.t("booking.list.fee", { percent: b.cancellation_fee_percent })}
                        </div>`
                      : ""}
                    ${CANCELLABLE.includes(b.status)
                      ? html`<button
                          type="button"
                          class="secondary"
                          aria-label=${this.t("booking.list.cancel", { reference: b.reference })}
                          @click=${() => this._cancel(b)}
                        >
                          ${this.t("common.cancel")}
                        </button>`
                      : ""}
                  </li>`,
                )}
              </ul>`}
    </section>`;
  }
}

if (!customElements.get("mp-booking-list")) customElements.define("mp-booking-list", MpBookingList);
