import{b as l,g as i,k as d,m,t as u,x as a}from"./chunks/chunk-UYN26RCM.js";d({en:{"identity.signIn":"Sign in","identity.signInTitle":"Sign in with your brand ID","identity.email":"Email","identity.password":"Password","identity.signingIn":"Signing in…","identity.signOut":"Sign out","identity.signedInAs":"Signed in","identity.profile":"My profile","identity.givenName":"Given name","identity.familyName":"Family name","identity.phone":"Phone","identity.locale":"Language","identity.hello":"Hello, {name}","identity.favouriteCentre":"Favourite centre","identity.noFavourite":"No favourite centre yet.","identity.openNow":"Open now","identity.closedNow":"Closed now","identity.nextOpening":"opens {when}","identity.favouriteSaved":"{name} is now your favourite centre."},de:{"identity.signIn":"Anmelden","identity.signInTitle":"Mit Ihrer Marken-ID anmelden","identity.email":"E-Mail","identity.password":"Passwort","identity.signingIn":"Anmeldung läuft …","identity.signOut":"Abmelden","identity.signedInAs":"Angemeldet","identity.profile":"Mein Profil","identity.givenName":"Vorname","identity.familyName":"Nachname","identity.phone":"Telefon","identity.locale":"Sprache","identity.hello":"Hallo, {name}","identity.favouriteCentre":"Lieblingszentrum","identity.noFavourite":"Noch kein Lieblingszentrum.","identity.openNow":"Jetzt geöffnet","identity.closedNow":"Jetzt geschlossen","identity.nextOpening":"öffnet {when}","identity.favouriteSaved":"{name} ist jetzt Ihr Lieblingszentrum."}});var r=class extends a{constructor(){super(),this.signOutOnly=!1,this._busy=!1,this._error=null}async _submit(t){t.preventDefault();let e=new FormData(t.target);this._busy=!0,this._error=null;try{let n=await this.api.post("/identity/auth/login",{email:String(e.get("email")||"").trim(),password:String(e.get("password")||"")});this._announce(n)}catch(n){this._error=n}finally{this._busy=!1}}_announce(t){this.emit("mp-signed-in",{accessToken:t.access_token,refreshToken:t.refresh_token,expiresIn:t.expires_in})}async refresh(t){let e=await this.api.post("/identity/auth/refresh",{refresh_token:t});return this._announce(e),e}async _signOut(){try{await this.api.post("/identity/auth/logout")}catch{}this.emit("mp-signed-out",{})}render(){return this.token?i`<div class="row">
        <span class="muted">${this.t("identity.signedInAs")}</span>
        <button class="secondary" type="button" @click=${this._signOut}>
          ${this.t("identity.signOut")}
        </button>
      </div>`:this.signOutOnly?i``:i`<form class="card" @submit=${this._submit} aria-labelledby="title">
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
        ${this._busy?this.t("identity.signingIn"):this.t("identity.signIn")}
      </button>
    </form>`}};l(r,"properties",{...a.properties,signOutOnly:{attribute:"sign-out-only",type:Boolean},_busy:{state:!0},_error:{state:!0}});customElements.get("mp-login")||customElements.define("mp-login",r);var o=class extends a{constructor(){super(),this._profile=null,this._favourite=null,this._error=null,this._status=""}updated(t){(t.has("token")||t.has("baseUrl"))&&this.load()}async load(){if(!this.token){this._profile=null;return}try{this._error=null,this._loaded(await this.api.get("/identity/me")),this._favourite=await this.api.get("/identity/me/favourite-centre")}catch(t){this._error=t}}_loaded(t){this._profile=t,m(t.locale),this.emit("mp-profile-loaded",{profile:t})}async _save(t){t.preventDefault();let e=new FormData(t.target),n=s=>String(e.get(s)||"").trim()||null;try{this._error=null;let s={given_name:n("given_name"),family_name:n("family_name"),locale:n("locale")};n("phone")&&(s.phone=n("phone")),this._loaded(await this.api.patch("/identity/me",s)),this._status=this.t("common.saved")}catch(s){this._error=s}}async setFavouriteCentre(t){try{this._error=null,this._loaded(await this.api.patch("/identity/me",{favourite_centre_id:t})),this._favourite=await this.api.get("/identity/me/favourite-centre"),this._favourite&&(this._status=this.t("identity.favouriteSaved",{name:this._favourite.centre.name}))}catch(e){this._error=e}}_renderFavourite(){let t=this._favourite;if(!t)return i`<p class="muted">${this.t("identity.noFavourite")}</p>`;let e=t.centre.time_zone;return i`<p data-favourite-centre=${t.centre.id}>
      <strong>${t.centre.name}</strong>, ${t.centre.city} ·
      ${t.open_now?i`<span class="ok">${this.t("identity.openNow")}</span>`:i`<span>${this.t("identity.closedNow")}</span>`}
      ${!t.open_now&&t.next_opening?i`<span class="muted"
            >(${this.t("identity.nextOpening",{when:u(t.next_opening,this.loc,{timeZone:e})})})</span
          >`:""}
    </p>`}render(){if(!this.token)return i`<p class="muted">${this.t("common.signInFirst")}</p>`;let t=this._profile;if(!t)return i`${this.renderError(this._error)}<p class="muted">${this.t("common.loading")}</p>`;let e=[t.given_name,t.family_name].filter(Boolean).join(" ")||t.email;return i`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("identity.hello",{name:e})}</h2>
      <h3>${this.t("identity.favouriteCentre")}</h3>
      ${this._renderFavourite()}
      <form @submit=${this._save}>
        <h3>${this.t("identity.profile")}</h3>
        <div class="field">
          <label for="given">${this.t("identity.givenName")}</label>
          <input id="given" name="given_name" autocomplete="given-name" .value=${t.given_name||""} />
        </div>
        <div class="field">
          <label for="family">${this.t("identity.familyName")}</label>
          <input id="family" name="family_name" autocomplete="family-name" .value=${t.family_name||""} />
        </div>
        <div class="field">
          <label for="phone">${this.t("identity.phone")}</label>
          <input id="phone" name="phone" type="tel" autocomplete="tel" .value=${t.phone||""} />
        </div>
        <div class="field">
          <label for="locale">${this.t("identity.locale")}</label>
          <select id="locale" name="locale">
            <option value="en" lang="en" ?selected=${t.locale==="en"}>English</option>
            <option value="de" lang="de" ?selected=${t.locale==="de"}>Deutsch</option>
          </select>
        </div>
        ${this.renderError(this._error)}
        <div class="row">
          <button type="submit">${this.t("common.save")}</button>
          <span role="status" aria-live="polite" class="ok">${this._status}</span>
        </div>
      </form>
    </section>`}};l(o,"properties",{...a.properties,_profile:{state:!0},_favourite:{state:!0},_error:{state:!0},_status:{state:!0}});customElements.get("mp-profile")||customElements.define("mp-profile",o);export{r as MpLogin,o as MpProfile};
