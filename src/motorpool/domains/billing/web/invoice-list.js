// <mp-invoice-list>: my invoices (billing's /invoices), newest first: lines, VAT, total and
// what is still due; pay an open one by card (test cards outside production) and open its
// PDF (fetched with the token, in the page's language).
// Method: load(), pdf(invoice) -> Blob. Event: mp-invoice-paid {invoice, payment}.
import { MpElement, formatDate, formatMoney } from "@motorpool/platform";
import { css, html } from "lit";
import "./messages.js";

export class MpInvoiceList extends MpElement {
  static properties = {
    ...MpElement.properties,
    limit: { type: Number },
    _items: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      article {
        border-bottom: 1px solid var(--_border);
        padding: 0.5rem 0;
      }
      article:last-child {
        border-bottom: 0;
      }
      h3 {
        margin: 0;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1rem 0.75rem;
        margin: 0.3rem 0;
        font-variant-numeric: tabular-nums;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
        margin-top: 0.4rem;
      }
      form .field {
        margin: 0;
        flex: 1 1 12rem;
      }
      a {
        color: var(--_primary);
      }
    `,
  ];

  constructor() {
    super();
    this.limit = 20;
    this._items = null;
    this._busy = "";
    this._error = null;
    this._status = "";
  }

  updated(changed) {
    if (changed.has("token") || changed.has("baseUrl")) this.load();
  }

  async load() {
    if (!this.token) {
      this.supersede("invoices");
      this._items = null;
      return;
    }
    try {
      const { answer, stale } = await this.latest("invoices", () =>
        this.api.get("/billing/invoices", { limit: this.limit }),
      );
      if (stale) return;
      this._error = null;
      this._items = answer.items;
    } catch (error) {
      this._error = error;
    }
  }

  _money(value) {
    return formatMoney(value.amount, value.currency, this.loc);
  }

  _pdfUrl(invoice) {
    const base = (this.baseUrl || "").replace(/\/+$/, "");
    return `${base}/billing/invoices/${invoice.id}.pdf?locale=${encodeURIComponent(this.loc)}`;
  }

  /** The invoice's PDF, fetched with this element's token. */
  async pdf(invoice) {
    const response = await fetch(this._pdfUrl(invoice), {
      headers: { Authorization: `Bearer ${this.token}` },
      mode: "cors",
      credentials: "omit",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.blob();
  }

  async _openPdf(event, invoice) {
    event.preventDefault();
    try {
      const url = URL.createObjectURL(await this.pdf(invoice));
      const link = document.createElement("a");
      link.href = url;
      link.download = `invoice-${invoice.number}.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this._error = error;
    }
  }

  async _pay(event, invoice) {
    event.preventDefault();
    const card = String(new FormData(event.target).get("card") || "").trim();
    this._busy = invoice.id;
    this._error = null;
    this._status = "";
    try {
      const payment = await this.api.post(
        `/billing/invoices/${invoice.id}/payments`,
        { kind: "card", card_number: card },
        { idempotent: true },
      );
      this._status = this.t("billing.paid", { number: invoice.number });
      this.emit("mp-invoice-paid", { invoice, payment });
      await this.load();
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = "";
    }
  }

  _invoice(i) {
    const cardId = `card-${i.id}`;
    return html`<article data-invoice=${i.number} data-status=${i.status}>
      <div class="row" style="justify-content:space-between">
        <h3>${this.t("billing.invoice", { number: i.number })}</h3>
        <span>${this.t(`billing.status.${i.status}`)}</span>
      </div>
      <p class="muted" style="margin:0.2rem 0">
        ${this.t("billing.issued", { when: formatDate(i.issued_at, this.loc) })}
        ${i.status === "open" ? html`· ${this.t("billing.due", { when: formatDate(i.due_at, this.loc) })}` : ""}
        ${i.paid_at ? html`· ${this.t("billing.paidAt", { when: formatDate(i.paid_at, this.loc) })}` : ""}
      </p>
      <dl>
        <dt>${this.t("billing.total")}</dt>
        <dd data-total>${this._money(i.total)}</dd>
        ${i.status === "open"
          ? html`<dt>${this.t("billing.amountDue")}</dt>
              <dd data-due>${this._money(i.amount_due)}</dd>`
          : ""}
      </dl>
      <a
        href=${this._pdfUrl(i)}
        aria-label=${this.t("billing.pdf", { number: i.number })}
        @click=${(e) => this._openPdf(e, i)}
        >${this.t("billing.pdfShort")}</a
      >
      ${i.status === "open" && Number(i.amount_due.amount) > 0
        ? html`<form @submit=${(e) => this._pay(e, i)}>
            <div class="field">
              <label for=${cardId}>${this.t("billing.card")}</label>
              <input
                id=${cardId}
                name="card"
                inputmode="numeric"
                autocomplete="cc-number"
                required
                maxlength="30"
                aria-describedby=${`${cardId}-hint`}
              />
              <span id=${`${cardId}-hint`} class="muted" style="font-size:0.85rem"
                >${this.t("billing.testCard")}</span
              >
            </div>
            <button type="submit" ?disabled=${this._busy === i.id}>
              ${this._busy === i.id
                ? this.t("billing.paying")
                : this.t("billing.pay", { amount: this._money(i.amount_due) })}
            </button>
          </form>`
        : ""}
    </article>`;
  }

  render() {
    const items = this._items;
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("billing.title")}</h2>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${!this.token
        ? html`<p class="muted">${this.t("common.signInFirst")}</p>`
        : items === null
          ? html`<p class="muted">${this.t("common.loading")}</p>`
          : items.length === 0
            ? html`<p>${this.t("billing.none")}</p>`
            : items.map((i) => this._invoice(i))}
    </section>`;
  }
}

if (!customElements.get("mp-invoice-list")) customElements.define("mp-invoice-list", MpInvoiceList);
