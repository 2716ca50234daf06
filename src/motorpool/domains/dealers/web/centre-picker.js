// <mp-centre-picker>: the centres nearest to a point (or to me, by the browser's location),
// each with whether it is open now on its own clock; pick one.
// Attributes: latitude, longitude, offers ("workshop" | "pickup" | "test_drives"), limit,
// selected (a centre id). Event: mp-centre-selected {centre}.
import { MpElement, formatDateTime, formatNumber, registerMessages } from "@motorpool/platform";
import { html } from "lit";

registerMessages({
  en: {
    "dealers.title": "Centres",
    "dealers.nearest": "Nearest centres",
    "dealers.nearMe": "Near me",
    "dealers.pick": "Choose a centre",
    "dealers.openNow": "Open now",
    "dealers.closed": "Closed",
    "dealers.opens": "opens {when}",
    "dealers.distance": "{km} km",
    "dealers.none": "No centre found.",
    "dealers.locationDenied": "Your location is not available; showing all centres.",
  },
  de: {
    "dealers.title": "Zentren",
    "dealers.nearest": "Nächstgelegene Zentren",
    "dealers.nearMe": "In meiner Nähe",
    "dealers.pick": "Zentrum wählen",
    "dealers.openNow": "Jetzt geöffnet",
    "dealers.closed": "Geschlossen",
    "dealers.opens": "öffnet {when}",
    "dealers.distance": "{km} km",
    "dealers.none": "Kein Zentrum gefunden.",
    "dealers.locationDenied": "Ihr Standort ist nicht verfügbar; alle Zentren werden gezeigt.",
  },
});

export class MpCentrePicker extends MpElement {
  static properties = {
    ...MpElement.properties,
    latitude: { type: Number },
    longitude: { type: Number },
    offers: {},
    limit: { type: Number },
    selected: {},
    _centres: { state: true },
    _status: { state: true },
    _error: { state: true },
    _note: { state: true },
  };

  constructor() {
    super();
    this.latitude = undefined;
    this.longitude = undefined;
    this.offers = "";
    this.limit = 5;
    this.selected = "";
    this._centres = null;
    this._status = {};
    this._error = null;
    this._note = "";
  }

  updated(changed) {
    if (["latitude", "longitude", "offers", "limit", "baseUrl"].some((p) => changed.has(p))) {
      this.load();
    }
  }

  async load() {
    const near = Number.isFinite(this.latitude) && Number.isFinite(this.longitude);
    try {
      const { answer, stale } = await this.latest("centres", async () => {
        const centres = near
          ? await this.api.get("/dealers/centres/nearest", {
              latitude: this.latitude,
              longitude: this.longitude,
              limit: this.limit,
              offers: this.offers,
            })
          : (await this.api.get("/dealers/centres", { limit: 50, offers: this.offers })).items;
        const statuses = await Promise.all(
          centres.map((c) => this.api.get(`/dealers/centres/${c.id}/opening-status`).catch(() => null)),
        );
        return { centres, statuses };
      });
      if (stale) return;
      this._error = null;
      this._centres = answer.centres;
      this._status = Object.fromEntries(answer.centres.map((c, i) => [c.id, answer.statuses[i]]));
    } catch (error) {
      this._error = error;
    }
  }

  _nearMe() {
    if (!navigator.geolocation) {
      this._note = this.t("dealers.locationDenied");
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this._note = "";
        this.latitude = position.coords.latitude;
        this.longitude = position.coords.longitude;
      },
      () => {
        this._note = this.t("dealers.locationDenied");
      },
      { timeout: 10000, maximumAge: 600000 },
    );
  }

  _choose(centre) {
    this.selected = centre.id;
    this.emit("mp-centre-selected", { centre });
  }

  _renderStatus(centre) {
    const status = this._status[centre.id];
    if (!status) return "";
    if (status.open) return html`<span class="ok">${this.t("dealers.openNow")}</span>`;
    const when = status.next_opening
      ? this.t("dealers.opens", {
          when: formatDateTime(status.next_opening, this.loc, { timeZone: centre.time_zone }),
        })
      : "";
    return html`<span class="muted">${this.t("dealers.closed")}${when ? ` · ${when}` : ""}</span>`;
  }

  render() {
    const centres = this._centres;
    return html`<section class="card" aria-labelledby="title">
      <div class="row" style="justify-content:space-between">
        <h2 id="title">
          ${Number.isFinite(this.latitude) ? this.t("dealers.nearest") : this.t("dealers.title")}
        </h2>
        <button class="secondary" type="button" @click=${this._nearMe}>
          ${this.t("dealers.nearMe")}
        </button>
      </div>
      ${this._note ? html`<p class="muted" role="status">${this._note}</p>` : ""}
      ${this.renderError(this._error)}
      ${centres === null
        ? html`<p class="muted">${this.t("common.loading")}</p>`
        : centres.length === 0
          ? html`<p>${this.t("dealers.none")}</p>`
          : html`<fieldset style="border:0;padding:0;margin:0">
              <legend class="sr-only">${this.t("dealers.pick")}</legend>
              <ul class="plain">
                ${centres.map(
                  (c) => html`<li style="margin-bottom:0.4rem">
                    <label style="font-weight:normal;display:flex;gap:0.5rem">
                      <input
                        type="radio"
                        name="centre"
                        value=${c.id}
                        .checked=${c.id === this.selected}
                        @change=${() => this._choose(c)}
                      />
                      <span
                        ><strong>${c.name}</strong>, ${c.city}
                        ${c.distance_km !== undefined
                          ? html`<span class="muted"
                              >· ${this.t("dealers.distance", {
                                km: formatNumber(c.distance_km, this.loc, {
                                  maximumFractionDigits: 1,
                                }),
                              })}</span
                            >`
                          : ""}
                        <br />${this._renderStatus(c)}</span
                      >
                    </label>
                  </li>`,
                )}
              </ul>
            </fieldset>`}
    </section>`;
  }
}

if (!customElements.get("mp-centre-picker")) customElements.define("mp-centre-picker", MpCentrePicker);
