// <mp-login>: sign in with email and password (identity's /auth/login), sign out.
// Events: mp-signed-in {accessToken, refreshToken, expiresIn}, mp-signed-out.
// Method: refresh(refreshToken) → new tokens (also announced as mp-signed-in).
// Attribute sign-out-only: render only the sign-out button (nothing while signed out).
import { MpElement } from "@motorpool/platform";
import { html } from "lit";
import "./messages.js";

export class MpLogin extends MpElement {
  static properties = {
    ...MpElement.properties,
    signOutOnly: { attribute: "sign-out-only", type: Boolean },
    _busy: { state: true },
    _error: { state: true },
  };

  constructor() {
    super();
    this.signOutOnly = false;
    this._busy = false;
    this._error = null;
  }

  async _submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this._busy = true;
    this._error = null;
    try {
      const tokens = await this.api.post("/identity/auth/login", {
        email: String(form.get("email") || "").trim(),
        password: String(form.get("password") || ""),
      });
      this._announce(tokens);
    } catch (error) {
      this._error = error;
    } finally {
      this._busy = false;
    }
  }

  _announce(tokens) {
    this.emit("mp-signed-in", {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token,
      expiresIn: tokens.expires_in,
    });
  }

  async refresh(refreshToken) {
    const tokens = await this.api.post("/identity/auth/refresh", { refresh_token: refreshToken });
    this._announce(tokens);
    return tokens;
  }

  async _signOut() {
    try {
      await this.api.post("/identity/auth/logout");
    } catch {
      // the session may have ended already; signing out here still forgets the token
    }
    this.emit("mp-signed-out", {});
  }

  render() {
    if (this.token) {
      return html`<div class="row">
        <span class="muted">${this.t("identity.signedInAs")}</span>
        <button class="secondary" type="button" @click=${this._signOut}>
          ${this.t("identity.signOut")}
        </button>
      </div>`;
    }
    if (this.signOutOnly) return html``;
    return html`<form class="card" @submit=${this._submit} aria-labelledby="title">
      <h2 id="title">${this.t("identity.signInTitle")}</h2>
      <div class="field">
        <label for="email">${this.t("identity.email")}</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
      </div>
      <div class="field">
        <label for="password">${this.t("identity.password")}</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required
        />
      </div>
      ${this.renderError(this._error)}
      <button type="submit" ?disabled=${this._busy}>
        ${this._busy ? this.t("identity.signingIn") : this.t("identity.signIn")}
      </button>
    </form>`;
  }
}

if (!customElements.get("mp-login")) customElements.define("mp-login", MpLogin);
