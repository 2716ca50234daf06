// <mp-vehicle-status vehicle-id=… (or vin=…) [controls]>: one of my cars, live — charge or
// fuel, range, mileage, locks, position, service due and the age of the data. Polls the
// vehicles API every `poll-seconds` (default 10) while the page is visible; changes are
// announced politely to screen readers. With `controls`, the owner can lock and unlock the
// car remotely (the car confirms by its next report).
import { MpElement, formatAge, formatNumber } from "@motorpool/platform";
import { css, html } from "lit";
import "./messages.js";

const S = {
  soc: "Vehicle.Powertrain.TractionBattery.StateOfCharge.Current",
  charging: "Vehicle.Powertrain.TractionBattery.Charging.IsCharging",
  fuel: "Vehicle.Powertrain.FuelSystem.RelativeLevel",
  range: "Vehicle.Powertrain.Range",
  batteryRange: "Vehicle.Powertrain.TractionBattery.Range",
  odometer: "Vehicle.TraveledDistance",
  lat: "Vehicle.CurrentLocation.Latitude",
  lon: "Vehicle.CurrentLocation.Longitude",
  toServiceKm: "Vehicle.Service.DistanceToService",
  toServiceS: "Vehicle.Service.TimeToService",
};
const LOCKS = /^Vehicle\.(Cabin\.Door\..*|Body\.Trunk\..*)\.IsLocked$/;

/** The plain facts a status shows, from the API's COVESA VSS signals. */
export function readStatus(status) {
  const v = (name) => status?.signals?.[name]?.value;
  const locks = Object.entries(status?.signals || {})
    .filter(([name]) => LOCKS.test(name))
    .map(([, s]) => s.value);
  const rangeM = v(S.range) ?? v(S.batteryRange);
  return {
    charge: v(S.soc),
    charging: v(S.charging) === true,
    fuel: v(S.fuel),
    rangeKm: rangeM === undefined ? undefined : rangeM / 1000,
    mileageKm: v(S.odometer) === undefined ? undefined : v(S.odometer) / 1000,
    locked: locks.length ? locks.every(Boolean) : undefined,
    latitude: v(S.lat),
    longitude: v(S.lon),
    serviceDue: Boolean(status?.service_due),
    toServiceKm: v(S.toServiceKm),
    toServiceDays: v(S.toServiceS) === undefined ? undefined : v(S.toServiceS) / 86400,
  };
}

export class MpVehicleStatus extends MpElement {
  static properties = {
    ...MpElement.properties,
    vehicleId: { attribute: "vehicle-id" },
    vin: {},
    label: {},
    pollSeconds: { attribute: "poll-seconds", type: Number },
    status: { attribute: false },
    controls: { type: Boolean },
    _error: { state: true },
    _now: { state: true },
    _sending: { state: true },
    _sent: { state: true },
    _commandError: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .gauge {
        display: inline-block;
        width: 6rem;
        height: 0.6rem;
        border: 1px solid var(--_border);
        border-radius: 999px;
        vertical-align: middle;
        margin-left: 0.4rem;
        overflow: hidden;
      }
      .gauge > span {
        display: block;
        height: 100%;
        background: var(--_primary);
      }
      .controls {
        margin: var(--_space) 0 0;
      }
    `,
  ];

  constructor() {
    super();
    this.vehicleId = "";
    this.vin = "";
    this.label = "";
    this.pollSeconds = 10;
    this.status = null;
    this.controls = false;
    this._sending = "";
    this._sent = "";
    this._commandError = null;
    this._loading = 0; // loads on their way: the poll waits for them
    this._error = null;
    this._fetchedAt = Date.now();
    this._now = Date.now();
    this._summary = "";
  }

  connectedCallback() {
    super.connectedCallback();
    this._clock = setInterval(() => {
      this._now = Date.now();
      const due = this._now - this._fetchedAt >= this.pollSeconds * 1000;
      if (due && !document.hidden && !this._loading) this.load();
    }, 1000);
  }

  disconnectedCallback() {
    clearInterval(this._clock);
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has("status") && this.status) this._fetchedAt = Date.now();
    if (changed.has("vehicleId") && changed.get("vehicleId")) {
      this._sent = ""; // another car: the last one's command is not this one's
      this._commandError = null;
    }
  }

  updated(changed) {
    if (["vehicleId", "vin", "token", "baseUrl"].some((p) => changed.has(p)) && !changed.has("status")) {
      this.load();
    }
  }

  async load() {
    if (!this.token || (!this.vehicleId && !this.vin)) return;
    this._fetchedAt = Date.now();
    this._loading += 1;
    try {
      // another car picked (or a newer poll) meanwhile: only the latest answer is shown
      const { answer, stale } = await this.latest("status", async () => {
        let car = null;
        let vehicleId = this.vehicleId;
        if (!vehicleId) {
          car = (await this.api.get("/vehicles/garage")).find((c) => c.vehicle.vin === this.vin);
          if (!car) throw new Error(`${this.vin}: not in my garage`);
          vehicleId = car.vehicle.id;
        }
        return { car, status: await this.api.get(`/vehicles/garage/${vehicleId}/status`) };
      });
      if (stale) return;
      if (answer.car) {
        this.vehicleId = answer.car.vehicle.id;
        this.label ||= `${answer.car.vehicle.model_line} ${answer.car.vehicle.variant}`;
      }
      this._error = null;
      this.status = answer.status;
      this._fetchedAt = Date.now();
      this.emit("mp-vehicle-status", { status: answer.status });
    } catch (error) {
      this._error = error;
    } finally {
      this._loading -= 1;
    }
  }

  /** Lock or unlock the car through its connectivity backend; its next report shows it. */
  async _command(command) {
    this._sending = command;
    this._sent = "";
    try {
      await this.api.post(`/vehicles/garage/${this.vehicleId}/commands`, { command });
      this._commandError = null;
      this._sent = this.t(`vehicles.sent.${command}`);
      this._fetchedAt = Date.now() - Math.max(0, this.pollSeconds - 2) * 1000; // look again soon
    } catch (error) {
      this._commandError = error; // kept until the next command: a poll does not clear it
    } finally {
      this._sending = "";
    }
  }

  _renderControls() {
    if (!this.controls || !this.vehicleId) return "";
    return html`<p class="row controls">
      ${["lock", "unlock"].map(
        (command) =>
          html`<button
            type="button"
            class="secondary"
            data-command=${command}
            ?disabled=${Boolean(this._sending)}
            @click=${() => this._command(command)}
          >
            ${this.t(`vehicles.${command}`)}
          </button>`,
      )}
      <span role="status" class="muted" data-sent>${this._sent}</span>
    </p>
    ${this.renderError(this._commandError)}`;
  }

  _n(value, digits = 0) {
    return formatNumber(value, this.loc, { maximumFractionDigits: digits });
  }

  _energy(s) {
    if (s.charge !== undefined) return `${this._n(s.charge)} %`;
    if (s.fuel !== undefined) return `${this._n(s.fuel)} %`;
    return this.t("vehicles.unknown");
  }

  render() {
    if (!this.token) return html`<p class="muted">${this.t("common.signInFirst")}</p>`;
    const status = this.status;
    if (!status) {
      return html`${this.renderError(this._error)}<p class="muted">${this.t("common.loading")}</p>`;
    }
    if (!status.as_of) return html`<p class="muted">${this.t("vehicles.noData")}</p>`;
    const s = readStatus(status);
    const age = (status.age_seconds || 0) + (this._now - this._fetchedAt) / 1000;
    const locks =
      s.locked === undefined
        ? this.t("vehicles.unknown")
        : s.locked
          ? this.t("vehicles.locked")
          : this.t("vehicles.unlocked");
    const range = s.rangeKm === undefined ? this.t("vehicles.unknown") : `${this._n(s.rangeKm)} km`;
    const summary = this.t("vehicles.summary", {
      car: this.label || status.vin,
      charge: this._energy(s),
      range,
      locks,
    });
    const percent = s.charge ?? s.fuel;
    return html`<dl>
        ${s.charge !== undefined
          ? html`<dt>${this.t("vehicles.charge")}</dt>
              <dd data-signal="charge">
                ${this._n(s.charge)} %${s.charging ? ` (${this.t("vehicles.charging")})` : ""}
                <span class="gauge" aria-hidden="true"><span style="width:${s.charge}%"></span></span>
              </dd>`
          : ""}
        ${s.fuel !== undefined
          ? html`<dt>${this.t("vehicles.fuel")}</dt>
              <dd data-signal="fuel">
                ${this._n(s.fuel)} %
                <span class="gauge" aria-hidden="true"><span style="width:${s.fuel}%"></span></span>
              </dd>`
          : ""}
        ${percent === undefined ? html`<dt>${this.t("vehicles.charge")}</dt><dd>–</dd>` : ""}
        <dt>${this.t("vehicles.range")}</dt>
        <dd data-signal="range">${range}</dd>
        <dt>${this.t("vehicles.mileage")}</dt>
        <dd data-signal="mileage">
          ${s.mileageKm === undefined ? this.t("vehicles.unknown") : `${this._n(s.mileageKm)} km`}
        </dd>
        <dt>${this.t("vehicles.locks")}</dt>
        <dd data-signal="locked">${locks}</dd>
        <dt>${this.t("vehicles.position")}</dt>
        <dd data-signal="position">
          ${s.latitude === undefined
            ? this.t("vehicles.unknown")
            : html`${this._n(s.latitude, 4)}, ${this._n(s.longitude, 4)}
                <a
                  href="https://www.openstreetmap.org/?mlat=${s.latitude}&mlon=${s.longitude}#map=15/${s.latitude}/${s.longitude}"
                  target="_blank"
                  rel="noopener"
                  >${this.t("vehicles.showOnMap")}</a
                >`}
        </dd>
        <dt>${this.t("vehicles.service")}</dt>
        <dd data-signal="service">
          ${s.serviceDue
            ? html`<strong class="error">${this.t("vehicles.serviceDue")}</strong>`
            : s.toServiceKm !== undefined
              ? this.t("vehicles.serviceIn", {
                  km: this._n(Math.max(0, s.toServiceKm)),
                  days: this._n(Math.max(0, s.toServiceDays ?? 0)),
                })
              : this.t("vehicles.unknown")}
        </dd>
        <dt>${this.t("vehicles.updated")}</dt>
        <dd data-signal="age">${formatAge(age, this.loc)}</dd>
      </dl>
      ${this._renderControls()} ${this.renderError(this._error)}
      <p class="sr-only" role="status" aria-live="polite">${summary}</p>`;
  }
}

if (!customElements.get("mp-vehicle-status")) customElements.define("mp-vehicle-status", MpVehicleStatus);
