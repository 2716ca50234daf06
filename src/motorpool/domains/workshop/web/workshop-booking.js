// <mp-workshop-booking centre-id=… vehicle-id=…>: pick services, a day and a free time,
// book (with a courtesy car if wanted), and see or cancel my appointments.
// Attributes: centre-id, vehicle-id, day (YYYY-MM-DD). Event: mp-appointment-booked.
import { MpElement, formatDate, formatDateTime, formatTime } from "@motorpool/platform";
import { html } from "lit";
import "./messages.js";

const OPEN = ["booked", "rescheduled"];

/** A weekday at least two days ahead, as YYYY-MM-DD (local date of this browser). */
function defaultDay() {
  const day = new Date();
  day.setDate(day.getDate() + 2);
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

export class MpWorkshopBooking extends MpElement {
  static properties = {
    ...MpElement.properties,
    centreId: { attribute: "centre-id" },
    vehicleId: { attribute: "vehicle-id" },
    day: {},
    _types: { state: true },
    _chosen: { state: true },
    _slots: { state: true },
    _slot: { state: true },
    _mine: { state: true },
    _busy: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  constructor() {
    super();
    this.centreId = "";
    this.vehicleId = "";
    this.day = defaultDay();
    this._types = [];
    this._chosen = new Set();
    this._slots = null;
    this._slot = "";
    this._mine = null;
    this._busy = false;
    this._error = null;
    this._status = "";
  }

  updated(changed) {
    if (changed.has("token") || changed.has("baseUrl")) this.load();
    if (["centreId", "vehicleId", "day"].some((p) => changed.has(p))) {
      this._slots = null;
      this._slot = "";
    }
  }

  async load() {
    try {
      this._error = null;
      this._types = await this.api.get("/workshop/service-types");
      if (this.token) await this.loadMine();
    } catch (error) {
      this._error = error;
    }
  }

  async loadMine() {
    this._mine = (await this.api.get("/workshop/appointments", { limit: 50 })).items;
  }

  _serviceName(code) {
    const type = this._types.find((t) => t.code === code);
    if (!type) return code;
    return this.loc === "de" ? type.name_de : type.name_en;
  }

  _toggle(code, on) {
    const chosen = new Set(this._chosen);
    if (on) chosen.add(code);
    else chosen.delete(code);
    this._chosen = chosen;
    this._slots = null;
    this._slot = "";
  }

  _missing() {
    if (!this.vehicleId) return this.t("workshop.needCar");
    if (!this.centreId) return this.t("workshop.needCentre");
    if (this._chosen.size === 0) return this.t("workshop.needService");
    return "";
  }

  async _findSlots(event) {
    event?.preventDefault();
    const missing = this._missing();
    if (missing) {
      this.supersede("slots"); // an earlier search still on its way must not land now
      this._slots = null;
      this._status = missing;
      return;
    }
    try {
      this._status = "";
      const { answer, stale } = await this.latest("slots", () =>
        this.api.get("/workshop/slots", {
          centre_id: this.centreId,
          day: this.day,
          vehicle_id: this.vehicleId,
          services: [...this._chosen],
        }),
      );
      if (stale) return;
      this._error = null;
      this._slots = answer;
      this._slot = "";
    } catch (error) {
      this._error = error;
    }
  }

  async _book(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this._busy = true;
    try {
      this._error = null;
      const appointment = await this.api.post(
        "/workshop/appointments",
        {
          vehicle_id: this.vehicleId,
          centre_id: this.centreId,
          service_codes: [...this._chosen],
          starts_at: this._slot,
          wants_courtesy_car: form.get("courtesy") === "on",
          note: String(form.get("note") || "").trim() || null,
        },
        { idempotent: true },
      );
      this._status = this.t("workshop.booked", {
        when: formatDateTime(appointment.starts_at, this.loc, { timeZone: appointment.time_zone }),
      });
      this._slots = null;
      this._slot = "";
      this.emit("mp-appointment-booked", { appointment });
      await this.loadMine();
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = false;
    }
  }

  async _cancel(appointment) {
    try {
      this._error = null;
      await this.api.post(`/workshop/appointments/${appointment.id}/cancel`);
      this._status = this.t("workshop.cancelled");
      await this.loadMine();
    } catch (error) {
      this._error = error;
    }
  }

  _renderSlots() {
    const answer = this._slots;
    if (!answer) return "";
    const free = answer.slots.filter((s) => s.free > 0);
    if (free.length === 0) return html`<p>${this.t("workshop.noSlots")}</p>`;
    return html`<form @submit=${this._book}>
      <fieldset class="field">
        <legend>${this.t("workshop.slots")} · ${this.t("workshop.duration", { minutes: answer.duration_minutes })}</legend>
        <div class="row">
          ${free.map(
            (slot) => html`<label style="font-weight:normal">
              <input
                type="radio"
                name="slot"
                required
                value=${slot.starts_at}
                .checked=${slot.starts_at === this._slot}
                @change=${() => (this._slot = slot.starts_at)}
              />
              ${formatTime(slot.starts_at, this.loc, { timeZone: answer.time_zone })}
            </label>`,
          )}
        </div>
      </fieldset>
      <div class="field">
        <label style="font-weight:normal"
          ><input type="checkbox" name="courtesy" /> ${this.t("workshop.courtesy")}</label
        >
      </div>
      <div class="field">
        <label for="note">${this.t("workshop.note")}</label>
        <textarea id="note" name="note" rows="2" maxlength="500"></textarea>
      </div>
      <button type="submit" ?disabled=${this._busy || !this._slot}>
        ${this._busy ? this.t("workshop.booking") : this.t("workshop.book")}
      </button>
    </form>`;
  }

  _renderMine() {
    if (!this._mine) return "";
    if (this._mine.length === 0) return html`<p class="muted">${this.t("workshop.none")}</p>`;
    return html`<ul class="plain" data-appointments>
      ${this._mine.map(
        (a) => html`<li class="card" style="margin-bottom:0.5rem" data-appointment=${a.id}>
          <strong>${formatDateTime(a.starts_at, this.loc, { timeZone: a.time_zone })}</strong>
          · ${a.model_line} · ${a.service_codes.map((c) => this._serviceName(c)).join(", ")}
          · <span>${this.t(`workshop.status.${a.status}`)}</span>
          ${OPEN.includes(a.status)
            ? html`<button type="button" class="secondary" @click=${() => this._cancel(a)}>
                ${this.t("workshop.cancel")}
              </button>`
            : ""}
        </li>`,
      )}
    </ul>`;
  }

  render() {
    if (!this.token) return html`<p class="muted">${this.t("common.signInFirst")}</p>`;
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("workshop.title")}</h2>
      <form @submit=${this._findSlots}>
        <fieldset class="field">
          <legend>${this.t("workshop.services")}</legend>
          ${this._types.map(
            (type) => html`<label style="font-weight:normal">
              <input
                type="checkbox"
                value=${type.code}
                .checked=${this._chosen.has(type.code)}
                @change=${(e) => this._toggle(type.code, e.target.checked)}
              />
              ${this.loc === "de" ? type.name_de : type.name_en}
            </label>`,
          )}
        </fieldset>
        <div class="field">
          <label for="day">${this.t("workshop.day")}</label>
          <input
            id="day"
            type="date"
            .value=${this.day}
            @change=${(e) => (this.day = e.target.value)}
            aria-describedby="day-text"
          />
          <span id="day-text" class="muted">${this.day ? formatDate(`${this.day}T12:00:00`, this.loc, { dateStyle: "full" }) : ""}</span>
        </div>
        <button type="submit" class="secondary">${this.t("workshop.findSlots")}</button>
      </form>
      ${this._renderSlots()} ${this.renderError(this._error)}
      <p role="status" aria-live="polite" class="ok">${this._status}</p>
      <h3>${this.t("workshop.mine")}</h3>
      ${this._renderMine()}
    </section>`;
  }
}

if (!customElements.get("mp-workshop-booking")) customElements.define("mp-workshop-booking", MpWorkshopBooking);
