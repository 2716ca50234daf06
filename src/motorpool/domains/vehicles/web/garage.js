// <mp-garage>: my cars with their live status. The first car (or the one chosen) is
// announced as mp-vehicle-selected {vehicle, model}, e.g. for a workshop booking.
import { MpElement } from "@motorpool/platform";
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
    `,
  ];

  constructor() {
    super();
    this.pollSeconds = 10;
    this.selected = "";
    this._cars = null;
    this._error = null;
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
    </section>`;
  }
}

if (!customElements.get("mp-garage")) customElements.define("mp-garage", MpGarage);
