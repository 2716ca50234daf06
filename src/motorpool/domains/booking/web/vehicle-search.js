// <mp-vehicle-search centre-id=… [time-zone=…] [product=rental] [products="rental testdrive"]>:
// which cars are free at a centre for a product and a window (booking's /availability);
// choose one, and book it (hold, then confirm) when the page says so.
// Attributes: centre-id, time-zone (the centre's; the inputs are on its clock), product,
// pool (default: the product's own), products (offer a choice of products), from / until
// ("YYYY-MM-DDTHH:MM" on the centre's clock).
// Events: mp-product-changed {product}, mp-vehicle-chosen {resource, product, centreId,
// startsAt, endsAt} (resource null when the choice is gone), mp-booked {booking}.
// Methods: book({note}) -> the confirmed booking; show(bookingId); announce(reference);
// fail(error).
import { MpElement, formatNumber, localToInstant } from "@motorpool/platform";
import { css, html } from "lit";
import { suggestedWindow } from "./local-time.js";
import "./mobility-messages.js";

export class MpVehicleSearch extends MpElement {
  static properties = {
    ...MpElement.properties,
    centreId: { attribute: "centre-id" },
    timeZone: { attribute: "time-zone" },
    product: {},
    pool: {},
    products: {},
    from: {},
    until: {},
    _free: { state: true },
    _chosen: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      legend {
        font-weight: 500;
        margin-bottom: 0.3rem;
        padding: 0;
      }
      .choices label {
        font-weight: normal;
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        margin-right: 0.9rem;
      }
      .window {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 var(--_space);
      }
      ul.cars label {
        font-weight: normal;
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--_border);
      }
    `,
  ];

  constructor() {
    super();
    this.centreId = "";
    this.timeZone = "";
    this.product = "rental";
    this.pool = "";
    this.products = "";
    this.from = "";
    this.until = "";
    this._free = null;
    this._chosen = null;
    this._busy = false;
    this._error = null;
    this._status = "";
  }

  willUpdate(changed) {
    if (changed.has("product") && (!this.from || changed.get("product") !== undefined)) {
      [this.from, this.until] = suggestedWindow(this.product, this.timeZone);
    }
    if (["product", "centreId", "pool"].some((p) => changed.has(p) && changed.get(p) !== undefined)) {
      this._clear();
    }
  }

  get window() {
    return {
      startsAt: localToInstant(this.from, this.timeZone),
      endsAt: localToInstant(this.until, this.timeZone),
    };
  }

  _clear() {
    this._free = null;
    this._status = "";
    if (this._chosen) {
      this._chosen = null;
      this.emit("mp-vehicle-chosen", { resource: null });
    }
  }

  async search(event) {
    event?.preventDefault();
    if (!this.centreId) return;
    this._clear();
    this._busy = true;
    this._error = null;
    const { startsAt, endsAt } = this.window;
    try {
      const answer = await this.api.get("/booking/availability", {
        product: this.product,
        pool: this.pool, // unset: the product's own pool
        centre_id: this.centreId,
        starts_at: startsAt,
        ends_at: endsAt,
      });
      this._free = answer.resources;
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = false;
    }
  }

  _choose(resource) {
    this._chosen = resource;
    this._status = "";
    const { startsAt, endsAt } = this.window;
    this.emit("mp-vehicle-chosen", {
      resource,
      product: this.product,
      centreId: this.centreId,
      startsAt,
      endsAt,
    });
  }

  _pickProduct(product) {
    this.product = product;
    this.emit("mp-product-changed", { product });
  }

  /** Hold the chosen car and confirm the hold; answers the confirmed booking. */
  async book({ note } = {}) {
    if (!this._chosen) throw new Error("no car chosen");
    this._busy = true;
    this._error = null;
    const { startsAt, endsAt } = this.window;
    try {
      const held = await this.api.post(
        "/booking/holds",
        {
          product: this.product,
          resource_id: this._chosen.id,
          starts_at: startsAt,
          ends_at: endsAt,
          ...(note ? { note } : {}),
        },
        { idempotent: true },
      );
      const confirmed = await this.api.post(`/booking/bookings/${held.id}/confirm`);
      this.announce(confirmed.reference);
      this.emit("mp-booked", { booking: confirmed });
      return confirmed;
    } catch (error) {
      this._error = error;
      throw error;
    } finally {
      this._busy = false;
    }
  }

  /** Show that a booking was made (also one made by another domain for this choice). */
  announce(reference) {
    this._error = null;
    this._status = this.t("booking.search.booked", { reference });
  }

  /** Show a booking made for this choice through another domain (e.g. a subscription). */
  async show(bookingId) {
    try {
      const booking = await this.api.get(`/booking/bookings/${bookingId}`);
      this.announce(booking.reference);
      this.emit("mp-booked", { booking });
    } catch (error) {
      this._error = error;
    }
  }

  fail(error) {
    this._error = error;
  }

  _renderProducts() {
    const products = (this.products || "").split(/\s+/).filter(Boolean);
    if (products.length < 2) return "";
    return html`<fieldset class="choices">
      <legend>${this.t("booking.product.label")}</legend>
      ${products.map(
        (p) => html`<label
          ><input
            type="radio"
            name="product"
            value=${p}
            .checked=${p === this.product}
            @change=${() => this._pickProduct(p)}
          />${this.t(`booking.product.${p}`)}</label
        >`,
      )}
    </fieldset>`;
  }

  _renderFree() {
    const free = this._free;
    if (free === null) return "";
    if (!free.length) return html`<p role="status">${this.t("booking.search.none")}</p>`;
    return html`<fieldset>
      <legend>
        ${this.t("booking.search.results")}
        <span class="muted"
          >(${this.t("booking.search.found", { count: formatNumber(free.length, this.loc) })})</span
        >
      </legend>
      <ul class="plain cars">
        ${free.map(
          (r) => html`<li>
            <label data-resource=${r.id}
              ><input
                type="radio"
                name="car"
                value=${r.id}
                .checked=${r.id === this._chosen?.id}
                @change=${() => this._choose(r)}
              /><span
                ><strong>${r.model || r.label}</strong>
                <span class="muted">${[r.label, r.powertrain].filter(Boolean).join(" · ")}</span></span
              ></label
            >
          </li>`,
        )}
      </ul>
    </fieldset>`;
  }

  render() {
    return html`<section class="card" aria-labelledby="title" aria-busy=${this._busy ? "true" : "false"}>
      <h2 id="title">${this.t("booking.search.title")}</h2>
      ${this._renderProducts()}
      ${!this.centreId
        ? html`<p class="muted">${this.t("booking.search.needCentre")}</p>`
        : html`<form @submit=${this.search}>
            <div class="window">
              <div class="field">
                <label for="from">${this.t("booking.search.from")}</label>
                <input
                  id="from"
                  type="datetime-local"
                  required
                  .value=${this.from}
                  @change=${(e) => {
                    this.from = e.target.value;
                    this._clear();
                  }}
                />
              </div>
              <div class="field">
                <label for="until">${this.t("booking.search.until")}</label>
                <input
                  id="until"
                  type="datetime-local"
                  required
                  .value=${this.until}
                  @change=${(e) => {
                    this.until = e.target.value;
                    this._clear();
                  }}
                />
              </div>
            </div>
            ${this.timeZone
              ? html`<p class="muted">${this.t("booking.search.clock", { zone: this.timeZone })}</p>`
              : ""}
            <button type="submit" ?disabled=${this._busy} style="margin-bottom:var(--_space)">
              ${this._busy ? this.t("booking.search.searching") : this.t("booking.search.submit")}
            </button>
          </form>`}
      ${this.renderError(this._error)} ${this._renderFree()}
      <p role="status" class="ok" data-booked>${this._status}</p>
    </section>`;
  }
}

if (!customElements.get("mp-vehicle-search")) customElements.define("mp-vehicle-search", MpVehicleSearch);
