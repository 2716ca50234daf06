// <mp-quote product=… market=… starts-at=… ends-at=… [can-book]>: the price of a product in
// a market for a window (pricing's /quotes): the extras to choose, every line, VAT per
// rate, the total and the deposit; money in the page's language (1.234,56 € in German).
// Events: mp-quote-ready {quote}, mp-quote-accepted {quote} (the Book button; the page books).
// Properties: busy (the page is booking), options (chosen extra codes).
import { MpElement, formatDateTime, formatMoney, formatNumber } from "@motorpool/platform";
import { css, html } from "lit";
import "./messages.js";

export class MpQuote extends MpElement {
  static properties = {
    ...MpElement.properties,
    product: {},
    market: {},
    startsAt: { attribute: "starts-at" },
    endsAt: { attribute: "ends-at" },
    canBook: { attribute: "can-book", type: Boolean },
    busy: { type: Boolean },
    options: { type: Array },
    _plan: { state: true },
    _quote: { state: true },
    _error: { state: true },
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
        padding: 0;
        margin-bottom: 0.3rem;
      }
      fieldset label {
        font-weight: normal;
        display: flex;
        gap: 0.45rem;
        align-items: baseline;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        margin-bottom: var(--_space);
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3rem 0.25rem;
        text-align: right;
        border-bottom: 1px solid var(--_border);
      }
      th:first-child,
      td:first-child {
        text-align: left;
      }
      thead th {
        font-weight: 500;
        color: var(--_muted);
        font-size: 0.85rem;
      }
      tfoot th {
        font-weight: normal;
        text-align: left;
      }
      tfoot tr.total th,
      tfoot tr.total td {
        font-weight: 700;
        font-size: 1.1rem;
        border-bottom: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.product = "";
    this.market = "";
    this.startsAt = "";
    this.endsAt = "";
    this.canBook = false;
    this.busy = false;
    this.options = [];
    this._plan = null;
    this._quote = null;
    this._error = null;
    this._asked = "";
  }

  updated(changed) {
    if (["product", "market", "baseUrl"].some((p) => changed.has(p))) this._loadPlan();
    if (["product", "market", "startsAt", "endsAt", "options", "token"].some((p) => changed.has(p))) {
      this.refresh();
    }
  }

  async _loadPlan() {
    if (!this.product || !this.market) {
      this.supersede("plan");
      return;
    }
    try {
      const { answer, stale } = await this.latest("plan", () =>
        this.api.get("/pricing/rate-plans", { product: this.product, market: this.market }),
      );
      if (stale) return;
      this._plan = answer[0] || null;
    } catch (error) {
      this._error = error;
    }
  }

  /** Ask for a fresh quote for the current inputs (the last answer wins). */
  async refresh() {
    if (!this.product || !this.market || !this.startsAt || !this.endsAt) {
      this._quote = null;
      return;
    }
    const body = {
      product: this.product,
      market: this.market,
      starts_at: this.startsAt,
      ends_at: this.endsAt,
      options: [...this.options],
    };
    const asked = JSON.stringify(body);
    this._asked = asked;
    try {
      this._error = null;
      const quote = await this.api.post("/pricing/quotes", body, { idempotent: true });
      if (this._asked !== asked) return;
      this._quote = quote;
      this.emit("mp-quote-ready", { quote });
    } catch (error) {
      if (this._asked !== asked) return;
      this._quote = null;
      this._error = error;
    }
  }

  get quote() {
    return this._quote;
  }

  _toggle(code, on) {
    const chosen = new Set(this.options);
    if (on) chosen.add(code);
    else chosen.delete(code);
    this.options = [...chosen];
  }

  _money(value) {
    return formatMoney(value.amount, value.currency, this.loc);
  }

  /** The catalogue's text, else the API's own translation, else its English text. */
  _text(key, item) {
    const text = this.t(key);
    if (text !== key) return text;
    const language = this.loc.split("-")[0];
    return item.translations?.[language] || item.description;
  }

  _lineName(line) {
    if (line.code.startsWith("option:")) {
      return this._text(`pricing.option.${line.code.slice(7)}`, line);
    }
    return this._text(`pricing.line.${line.code}`, line);
  }

  _renderOptions() {
    const options = this._plan?.options || [];
    if (!options.length) return "";
    return html`<fieldset>
      <legend>${this.t("pricing.options")}</legend>
      ${options.map(
        (o) => html`<label
          ><input
            type="checkbox"
            value=${o.code}
            .checked=${this.options.includes(o.code)}
            @change=${(e) => this._toggle(o.code, e.target.checked)}
          /><span
            >${this._text(`pricing.option.${o.code}`, o)}
            <span class="muted"
              >${this.t(`pricing.perUnit.${o.per === "unit" ? this._plan.unit : "booking"}`, {
                price: this._money(o.price),
              })}</span
            ></span
          ></label
        >`,
      )}
    </fieldset>`;
  }

  _renderQuote(q) {
    return html`<table data-quote=${q.id}>
        <caption class="sr-only">${this.t("pricing.title")}</caption>
        <thead>
          <tr>
            <th scope="col">${this.t("pricing.item")}</th>
            <th scope="col">${this.t("pricing.quantity")}</th>
            <th scope="col">${this.t("pricing.unitPrice")}</th>
            <th scope="col">${this.t("pricing.amount")}</th>
          </tr>
        </thead>
        <tbody>
          ${q.lines.map(
            (line) => html`<tr data-line=${line.code}>
              <td>${this._lineName(line)}</td>
              <td>${formatNumber(Number(line.quantity), this.loc)}</td>
              <td>${this._money(line.unit_price)}</td>
              <td>${this._money(line.amount)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="3">${this.t("pricing.net")}</th>
            <td data-net>${this._money(q.net)}</td>
          </tr>
          ${q.taxes.map(
            (tax) => html`<tr>
              <th scope="row" colspan="3">
                ${this.t("pricing.vat", { rate: formatNumber(Number(tax.rate), this.loc) })}
              </th>
              <td data-vat>${this._money(tax.amount)}</td>
            </tr>`,
          )}
          <tr class="total">
            <th scope="row" colspan="3">${this.t("pricing.total")}</th>
            <td data-total>${this._money(q.total)}</td>
          </tr>
        </tfoot>
      </table>
      ${Number(q.deposit.amount) > 0
        ? html`<p>${this.t("pricing.deposit")}: <strong data-deposit>${this._money(q.deposit)}</strong></p>`
        : ""}
      ${q.included_km > 0
        ? html`<p class="muted">
            ${this.t("pricing.includedKm", {
              km: formatNumber(q.included_km, this.loc),
              price: this._money(q.extra_km_price),
            })}
          </p>`
        : ""}
      <p class="muted">${this.t("pricing.validUntil", { when: formatDateTime(q.expires_at, this.loc) })}</p>
      ${this.canBook
        ? html`<button
            type="button"
            ?disabled=${this.busy}
            @click=${() => this.emit("mp-quote-accepted", { quote: q, options: [...this.options] })}
          >
            ${this.busy ? this.t("pricing.booking") : this.t("pricing.book", { total: this._money(q.total) })}
          </button>`
        : html`<p class="muted">${this.t("pricing.signInToBook")}</p>`}`;
  }

  render() {
    const ready = this.product && this.market && this.startsAt && this.endsAt;
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("pricing.title")}</h2>
      ${ready ? this._renderOptions() : ""} ${this.renderError(this._error)}
      <p class="sr-only" role="status">
        ${this._quote ? `${this.t("pricing.total")}: ${this._money(this._quote.total)}` : ""}
      </p>
      ${!ready
        ? html`<p class="muted">${this.t("pricing.waiting")}</p>`
        : this._quote
          ? this._renderQuote(this._quote)
          : html`<p class="muted">${this.t("common.loading")}</p>`}
    </section>`;
  }
}

if (!customElements.get("mp-quote")) customElements.define("mp-quote", MpQuote);
