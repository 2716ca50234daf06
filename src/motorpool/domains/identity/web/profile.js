// <mp-profile>: my profile (identity's /me): names, phone, language, favourite centre.
// The page's language follows the profile's locale (on load and when saved).
// Events: mp-profile-loaded {profile}. Method: setFavouriteCentre(centreId).
import { MpElement, formatDateTime, setLocale } from "@motorpool/platform";
import { html } from "lit";
import "./messages.js";

export class MpProfile extends MpElement {
  static properties = {
    ...MpElement.properties,
    _profile: { state: true },
    _favourite: { state: true },
    _error: { state: true },
    _status: { state: true },
  };

  constructor() {
    super();
    this._profile = null;
    this._favourite = null;
    this._error = null;
    this._status = "";
  }

  updated(changed) {
    if (changed.has("token") || changed.has("baseUrl")) this.load();
  }

  async load() {
    if (!this.token) {
      this._profile = null;
      return;
    }
    try {
      this._error = null;
      this._loaded(await this.api.get("/identity/me"));
      this._favourite = await this.api.get("/identity/me/favourite-centre");
    } catch (error) {
      this._error = error;
    }
  }

  _loaded(profile) {
    this._profile = profile;
    setLocale(profile.locale);
    this.emit("mp-profile-loaded", { profile });
  }

  async _save(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const value = (name) => String(form.get(name) || "").trim() || null;
    try {
      this._error = null;
      const changes = {
        given_name: value("given_name"),
        family_name: value("family_name"),
        locale: value("locale"),
      };
      if (value("phone")) changes.phone = value("phone");
      this._loaded(await this.api.patch("/identity/me", changes));
      this._status = this.t("common.saved");
    } catch (error) {
      this._error = error;
    }
  }

  async setFavouriteCentre(centreId) {
    try {
      this._error = null;
      this._loaded(await this.api.patch("/identity/me", { favourite_centre_id: centreId }));
      this._favourite = await this.api.get("/identity/me/favourite-centre");
      if (this._favourite) {
        this._status = this.t("identity.favouriteSaved", { name: this._favourite.centre.name });
      }
    } catch (error) {
      this._error = error;
    }
  }

  _renderFavourite() {
    const fav = this._favourite;
    if (!fav) return html`<p class="muted">${this.t("identity.noFavourite")}</p>`;
    const zone = fav.centre.time_zone;
    return html`<p data-favourite-centre=${fav.centre.id}>
      <strong>${fav.centre.name}</strong>, ${fav.centre.city} ·
      ${fav.open_now
        ? html`<span class="ok">${this.t("identity.openNow")}</span>`
        : html`<span>${this.t("identity.closedNow")}</span>`}
      ${!fav.open_now && fav.next_opening
        ? html`<span class="muted"
            >(${this.t("identity.nextOpening", {
              when: formatDateTime(fav.next_opening, this.loc, { timeZone: zone }),
            })})</span
          >`
        : ""}
    </p>`;
  }

  render() {
    if (!this.token) return html`<p class="muted">${this.t("common.signInFirst")}</p>`;
    const p = this._profile;
    if (!p) return html`${this.renderError(this._error)}<p class="muted">${this.t("common.loading")}</p>`;
    const name = [p.given_name, p.family_name].filter(Boolean).join(" ") || p.email;
    return html`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("identity.hello", { name })}</h2>
      <h3>${this.t("identity.favouriteCentre")}</h3>
      ${this._renderFavourite()}
      <form @submit=${this._save}>
        <h3>${this.t("identity.profile")}</h3>
        <div class="field">
          <label for="given">${this.t("identity.givenName")}</label>
          <input id="given" name="given_name" autocomplete="given-name" .value=${p.given_name || ""} />
        </div>
        <div class="field">
          <label for="family">${this.t("identity.familyName")}</label>
          <input id="family" name="family_name" autocomplete="family-name" .value=${p.family_name || ""} />
        </div>
        <div class="field">
          <label for="phone">${this.t("identity.phone")}</label>
          <input id="phone" name="phone" type="tel" autocomplete="tel" .value=${p.phone || ""} />
        </div>
        <div class="field">
          <label for="locale">${this.t("identity.locale")}</label>
          <select id="locale" name="locale">
            <option value="en" lang="en" ?selected=${p.locale === "en"}>English</option>
            <option value="de" lang="de" ?selected=${p.locale === "de"}>Deutsch</option>
          </select>
        </div>
        ${this.renderError(this._error)}
        <div class="row">
          <button type="submit">${this.t("common.save")}</button>
          <span role="status" aria-live="polite" class="ok">${this._status}</span>
        </div>
      </form>
    </section>`;
  }
}

if (!customElements.get("mp-profile")) customElements.define("mp-profile", MpProfile);
