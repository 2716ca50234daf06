// <mp-garage>: my cars with their live status, remote lock and unlock, and adding a car:
// its VIN makes the car show a one-time code on its display, the code entered here adds it
// (whoever can read the car's display is in the car). The first car (or the one chosen) is
// announced as mp-vehicle-selected {vehicle, model}, e.g. for a workshop booking.
import { MpElement, formatTime } from "@motorpool/platform";
import { css, html } from "lit";
import "./messages.js";
import "./vehicle-status.js";

export class MpGarage extends MpElement {
  static properties = {
    ...MpElement.properties,
    pollSeconds: { attribute: "poll-seconds", type: Number },
    selected: {},
    _cars: { state: true },
    _error: { state: true },
    _pairing: { state: true },
    _pairingError: { state: true }, // {form: "start" | "confirm", error}
    _pairingBusy: { state: true },
    _added: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      .cars {
        display: grid;
        gap: var(--_space);
        grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
      }
      article h3 {
        margin-bottom: 0.1rem;
      }
      .meta {
        margin: 0 0 0.6rem;
      }
      .add {
        margin-top: var(--_space);
        max-width: 32rem;
      }
      .add form + form {
        margin-top: var(--_space);
      }
    `,
  ];

  constructor() {
    super();
    this.pollSeconds = 10;
    this.selected = "";
    this._cars = null;
    this._error = null;
    this._pairing = null; // {vin, expiresAt} while a code is shown in the car
    this._pairingError = null;
    this._pairingBusy = "";
    this._added = "";
  }

  updated(changed) {
    if (changed.has("token") || changed.has("baseUrl")) this.load();
  }

  async load() {
    if (!this.token) {
      this.supersede("garage");
      this._cars = null;
      return;
    }
    try {
      const { answer, stale } = await this.latest("garage", () => this.api.get("/vehicles/garage"));
      if (stale) return;
      this._error = null;
      this._cars = answer;
      const first = this._cars.find((c) => c.vehicle.id === this.selected) || this._cars[0];
      if (first) this._select(first);
    } catch (error) {
      this._error = error;
    }
  }

  async _startPairing(event) {
    event.preventDefault();
    const vin = String(new FormData(event.target).get("vin") || "").trim().toUpperCase();
    this._added = "";
    this._pairing = null; // a code for another VIN (or an older one) no longer applies
    this._pairingBusy = "start";
    try {
      const started = await this.api.post("/vehicles/garage/pairing", { vin });
      this._pairingError = null;
      this._pairing = { vin, expiresAt: started.expires_at };
      await this.updateComplete;
      this.renderRoot.querySelector("#pair-code")?.focus();
    } catch (error) {
      this._pairingError = { form: "start", error };
    } finally {
      this._pairingBusy = "";
    }
  }

  async _confirmPairing(event) {
    event.preventDefault();
    const code = String(new FormData(event.target).get("code") || "").trim();
    this._pairingBusy = "confirm";
    try {
      const car = await this.api.post("/vehicles/garage", { vin: this._pairing.vin, code });
      this._pairingError = null;
      this._pairing = null;
      this._added = this.t("vehicles.added", { car: `${car.model_line} ${car.variant}` });
      this.renderRoot.querySelector("#pair-start")?.reset();
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector("[data-added]")?.focus(); // the form that had focus is gone
    } catch (error) {
      this._pairingError = { form: "confirm", error };
    } finally {
      this._pairingBusy = "";
    }
  }

  /** The error of one of the two forms, tied to its field. */
  _fieldError(form) {
    const failed = this._pairingError?.form === form;
    return {
      invalid: failed ? "true" : "false",
      message: failed
        ? html`<p class="error" role="alert" id="pair-${form}-error">
            ${this.errorText(this._pairingError.error)}
          </p>`
        : "",
    };
  }

  _renderPairing() {
    const pairing = this._pairing;
    const start = this._fieldError("start");
    const confirm = this._fieldError("confirm");
    return html`<section class="card add" aria-labelledby="add-title">
      <h3 id="add-title">${this.t("vehicles.add")}</h3>
      <form id="pair-start" @submit=${this._startPairing}>
        <div class="field">
          <label for="pair-vin">${this.t("vehicles.vin")}</label>
          <input
            id="pair-vin"
            name="vin"
            required
            minlength="17"
            maxlength="17"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${start.invalid}
            aria-describedby="pair-vin-hint pair-start-error"
          />
          <small id="pair-vin-hint" class="muted">${this.t("vehicles.vinHint")}</small>
          ${start.message}
        </div>
        <button type="submit" ?disabled=${Boolean(this._pairingBusy)}>
          ${this.t("vehicles.showCode")}
        </button>
      </form>
      ${pairing
        ? html`<form id="pair-confirm" @submit=${this._confirmPairing}>
            <p>
              ${this.t("vehicles.codeShown", {
                time: formatTime(pairing.expiresAt, this.loc),
              })}
            </p>
            <div class="field">
              <label for="pair-code">${this.t("vehicles.code")}</label>
              <input
                id="pair-code"
                name="code"
                required
                inputmode="numeric"
                autocomplete="one-time-code"
                aria-invalid=${confirm.invalid}
                aria-describedby="pair-confirm-error"
              />
              ${confirm.message}
            </div>
            <button type="submit" ?disabled=${Boolean(this._pairingBusy)}>
              ${this.t("vehicles.addCar")}
            </button>
          </form>`
        : ""}
      <p role="status" class="ok" data-added tabindex="-1">${this._added}</p>
    </section>`;
  }

  _select(car) {
    this.selected = car.vehicle.id;
    this.emit("mp-vehicle-selected", { vehicle: car.vehicle, model: car.model });
  }

  render() {
    if (!this.token) return html`<p class="muted">${this.t("common.signInFirst")}</p>`;
    const cars = this._cars;
    return html`<section aria-labelledby="title">
      <h2 id="title">${this.t("vehicles.garage")}</h2>
      ${this.renderError(this._error)}
      ${cars === null
        ? html`<p class="muted">${this.t("common.loading")}</p>`
        : cars.length === 0
          ? html`<p>${this.t("vehicles.empty")}</p>`
          : html`<div class="cars">
              ${cars.map((car) => {
                const v = car.vehicle;
                const name = `${v.model_line} ${v.variant}`;
                const chosen = v.id === this.selected;
                return html`<article class="card" aria-label=${name} data-vin=${v.vin}>
                  <h3>${name}</h3>
                  <p class="meta muted">
                    ${[v.plate, v.colour, v.model_year].filter(Boolean).join(" · ")}
                  </p>
                  <mp-vehicle-status
                    vehicle-id=${v.id}
                    label=${name}
                    base-url=${this.baseUrl}
                    locale=${this.locale}
                    .token=${this.token}
                    .status=${car.status}
                    poll-seconds=${this.pollSeconds}
                    controls
                  ></mp-vehicle-status>
                  <p>
                    <button
                      type="button"
                      class="secondary"
                      aria-pressed=${chosen ? "true" : "false"}
                      @click=${() => this._select(car)}
                    >
                      ${chosen ? this.t("vehicles.selected") : this.t("vehicles.select")}
                    </button>
                  </p>
                </article>`;
              })}
            </div>`}
      ${this._renderPairing()}
    </section>`;
  }
}

if (!customElements.get("mp-garage")) customElements.define("mp-garage", MpGarage);
