// <mp-handover centre-id=… [day=YYYY-MM-DD]> (staff): a centre's rental hand-overs and
// returns of a day (contracts' /admin/today); record a hand-over or a return with the
// mileage, the charge or fuel level and any damage. A return settles the extras and issues
// the invoice. Events: mp-handed-over {agreement}, mp-returned {settlement}. Method: load().
import { MpElement, formatDateTime, formatMoney, formatNumber, formatTime } from "@motorpool/platform";
import { css, html } from "lit";
import { handOver, takeReturn, todaySheet } from "./client.js";
import "./messages.js";

const pad = (n) => String(n).padStart(2, "0");

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export class MpHandover extends MpElement {
  static properties = {
    ...MpElement.properties,
    centreId: { attribute: "centre-id" },
    day: {},
    _sheet: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
        gap: var(--_space);
      }
      article {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 0.75);
        margin-bottom: calc(var(--_space) * 0.75);
      }
      article h4 {
        margin: 0 0 0.3rem;
        font-size: 1rem;
      }
      .inputs {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0 calc(var(--_space) * 0.66);
      }
      .field {
        margin-bottom: calc(var(--_space) * 0.6);
      }
      textarea {
        min-height: 2.4rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
        justify-content: space-between;
        margin-bottom: var(--_space);
      }
      .toolbar .field {
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.centreId = "";
    this.day = today();
    this._sheet = null;
    this._busy = "";
    this._error = null;
    this._status = "";
  }

  updated(changed) {
    if (["centreId", "day", "token", "baseUrl"].some((p) => changed.has(p))) this.load();
  }

  async load() {
    if (!this.centreId || !this.token) {
      this.supersede("sheet");
      this._sheet = null;
      return;
    }
    try {
      // picking a centre and then a day starts two loads: only the second may answer
      const { answer, stale } = await this.latest("sheet", () =>
        todaySheet(this.api, { centreId: this.centreId, day: this.day }),
      );
      if (stale) return;
      this._error = null;
      this._sheet = answer;
    } catch (error) {
      this._error = error;
    }
  }

  _readings(form) {
    const data = new FormData(form);
    return {
      mileageKm: Number(data.get("mileage")),
      energyPercent: Number(data.get("energy")),
      damageNotes: String(data.get("damage") || "").trim(),
    };
  }

  async _handOver(event, agreement) {
    event.preventDefault();
    this._busy = agreement.id;
    this._error = null;
    try {
      const done = await handOver(this.api, agreement.id, this._readings(event.target));
      this._status = this.t("contracts.handedOverNow", { reference: done.booking_reference });
      this.emit("mp-handed-over", { agreement: done });
      await this.load();
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = "";
    }
  }

  async _takeBack(event, agreement) {
    event.preventDefault();
    this._busy = agreement.id;
    this._error = null;
    try {
      const settled = await takeReturn(this.api, agreement.id, this._readings(event.target));
      this._status = this.t("contracts.settled", {
        reference: agreement.booking_reference,
        km: formatNumber(settled.driven_km, this.loc),
        number: settled.invoice_number,
        total: formatMoney(settled.invoice_total.amount, settled.invoice_total.currency, this.loc),
      });
      this.emit("mp-returned", { settlement: settled });
      await this.load();
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = "";
    }
  }

  _inspection(key, inspection, zone) {
    return this.t(key, {
      when: formatDateTime(inspection.at, this.loc, { timeZone: zone }),
      km: formatNumber(inspection.mileage_km, this.loc),
      percent: formatNumber(inspection.energy_percent, this.loc),
    });
  }

  _form(a, kind) {
    const id = (name) => `${name}-${kind}-${a.id}`;
    const handing = kind === "handover";
    const known = handing ? null : a.handover;
    return html`<form
      @submit=${(e) => (handing ? this._handOver(e, a) : this._takeBack(e, a))}
      aria-label=${this.t(handing ? "contracts.handOver" : "contracts.takeBack", {
        reference: a.booking_reference,
      })}
    >
      <div class="inputs">
        <div class="field">
          <label for=${id("mileage")}>${this.t("contracts.mileage")}</label>
          <input
            id=${id("mileage")}
            name="mileage"
            type="number"
            inputmode="numeric"
            min=${known ? known.mileage_km : 0}
            max="5000000"
            required
          />
        </div>
        <div class="field">
          <label for=${id("energy")}>${this.t("contracts.energy")}</label>
          <input id=${id("energy")} name="energy" type="number" min="0" max="100" required />
        </div>
      </div>
      <div class="field">
        <label for=${id("damage")}>${this.t("contracts.damage")}</label>
        <textarea id=${id("damage")} name="damage" maxlength="2000"></textarea>
      </div>
      <button type="submit" ?disabled=${this._busy === a.id}>
        ${this.t(handing ? "contracts.handOverShort" : "contracts.takeBackShort")}
      </button>
    </form>`;
  }

  _agreement(a, kind, zone) {
    const when = (value) => formatTime(value, this.loc, { timeZone: zone });
    return html`<article data-agreement=${a.booking_reference} data-kind=${kind} data-status=${a.status}>
      <h4>${this.t("contracts.agreement", { reference: a.booking_reference })}</h4>
      <p class="muted" style="margin:0 0 0.4rem">
        ${kind === "handover"
          ? this.t("contracts.pickup", { when: when(a.starts_at) })
          : this.t("contracts.dropoff", { when: when(a.ends_at) })}
        · ${this.t(`contracts.status.${a.status}`)}
      </p>
      ${a.handover ? html`<p class="ok">${this._inspection("contracts.handedOver", a.handover, zone)}</p>` : ""}
      ${a.returned ? html`<p class="ok">${this._inspection("contracts.returned", a.returned, zone)}</p>` : ""}
      ${kind === "handover" && a.status === "open" ? this._form(a, "handover") : ""}
      ${kind === "return" && a.status === "handed_over" ? this._form(a, "return") : ""}
      ${kind === "return" && a.status === "open" ? html`<p class="muted">${this.t("contracts.notYet")}</p>` : ""}
    </article>`;
  }

  render() {
    const sheet = this._sheet;
    return html`<section class="card" aria-labelledby="title">
      <div class="toolbar">
        <h2 id="title">${this.t("contracts.today.title")}</h2>
        <div class="row">
          <div class="field">
            <label for="day">${this.t("contracts.today.day")}</label>
            <input
              id="day"
              type="date"
              .value=${this.day}
              @change=${(e) => (this.day = e.target.value || today())}
            />
          </div>
          <button type="button" class="secondary" style="align-self:end" @click=${() => this.load()}>
            ${this.t("contracts.today.refresh")}
          </button>
        </div>
      </div>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${!this.centreId
        ? html`<p class="muted">${this.t("contracts.today.needCentre")}</p>`
        : !this.token
          ? html`<p class="muted">${this.t("common.signInFirst")}</p>`
          : !sheet
            ? html`<p class="muted">${this.t("common.loading")}</p>`
            : html`<div class="columns">
                <section aria-labelledby="handovers">
                  <h3 id="handovers">${this.t("contracts.today.handovers")} (${sheet.handovers.length})</h3>
                  ${sheet.handovers.length
                    ? sheet.handovers.map((a) => this._agreement(a, "handover", sheet.time_zone))
                    : html`<p class="muted">${this.t("contracts.today.noHandovers")}</p>`}
                </section>
                <section aria-labelledby="returns">
                  <h3 id="returns">${this.t("contracts.today.returns")} (${sheet.returns.length})</h3>
                  ${sheet.returns.length
                    ? sheet.returns.map((a) => this._agreement(a, "return", sheet.time_zone))
                    : html`<p class="muted">${this.t("contracts.today.noReturns")}</p>`}
                </section>
              </div>`}
    </section>`;
  }
}

if (!customElements.get("mp-handover")) customElements.define("mp-handover", MpHandover);
