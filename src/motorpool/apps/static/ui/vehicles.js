import{b as c,f as u,g as s,k as g,q as v,u as m,v as p,x as n}from"./chunks/chunk-UYN26RCM.js";g({en:{"vehicles.garage":"My garage","vehicles.empty":"No cars in your garage yet.","vehicles.status":"Status","vehicles.charge":"Charge","vehicles.charging":"charging","vehicles.fuel":"Fuel","vehicles.range":"Range","vehicles.mileage":"Mileage","vehicles.locks":"Doors","vehicles.locked":"Locked","vehicles.unlocked":"Unlocked","vehicles.position":"Position","vehicles.showOnMap":"show on map","vehicles.service":"Service","vehicles.serviceDue":"Service due","vehicles.serviceIn":"in {km} km or {days} days","vehicles.updated":"Updated","vehicles.noData":"No data from this car yet.","vehicles.unknown":"unknown","vehicles.select":"Book a service for this car","vehicles.selected":"Selected for booking","vehicles.summary":"{car}: {charge}, range {range}, {locks}","vehicles.plate":"Plate","vehicles.lock":"Lock","vehicles.unlock":"Unlock","vehicles.sent.lock":"Sent: the car locks and reports back shortly.","vehicles.sent.unlock":"Sent: the car unlocks and reports back shortly.","vehicles.add":"Add a car","vehicles.vin":"Vehicle identification number (VIN)","vehicles.vinHint":"17 characters, on the registration document and under the windscreen.","vehicles.showCode":"Show a code in the car","vehicles.codeShown":"A code is now shown on the car's display (valid until {time}).","vehicles.code":"Code from the car's display","vehicles.addCar":"Add to my garage","vehicles.added":"{car} is now in your garage."},de:{"vehicles.garage":"Meine Garage","vehicles.empty":"Noch keine Fahrzeuge in Ihrer Garage.","vehicles.status":"Status","vehicles.charge":"Ladestand","vehicles.charging":"lädt","vehicles.fuel":"Tankinhalt","vehicles.range":"Reichweite","vehicles.mileage":"Kilometerstand","vehicles.locks":"Türen","vehicles.locked":"Verriegelt","vehicles.unlocked":"Entriegelt","vehicles.position":"Standort","vehicles.showOnMap":"auf der Karte zeigen","vehicles.service":"Service","vehicles.serviceDue":"Service fällig","vehicles.serviceIn":"in {km} km oder {days} Tagen","vehicles.updated":"Aktualisiert","vehicles.noData":"Noch keine Daten von diesem Fahrzeug.","vehicles.unknown":"unbekannt","vehicles.select":"Service für dieses Fahrzeug buchen","vehicles.selected":"Für die Buchung gewählt","vehicles.summary":"{car}: {charge}, Reichweite {range}, {locks}","vehicles.plate":"Kennzeichen","vehicles.lock":"Verriegeln","vehicles.unlock":"Entriegeln","vehicles.sent.lock":"Gesendet: Das Fahrzeug verriegelt und meldet sich gleich.","vehicles.sent.unlock":"Gesendet: Das Fahrzeug entriegelt und meldet sich gleich.","vehicles.add":"Fahrzeug hinzufügen","vehicles.vin":"Fahrzeug-Identifizierungsnummer (FIN)","vehicles.vinHint":"17 Zeichen, im Fahrzeugschein und unter der Windschutzscheibe.","vehicles.showCode":"Code im Fahrzeug anzeigen","vehicles.codeShown":"Im Display des Fahrzeugs steht jetzt ein Code (gültig bis {time}).","vehicles.code":"Code aus dem Fahrzeugdisplay","vehicles.addCar":"Zu meiner Garage hinzufügen","vehicles.added":"{car} ist jetzt in Ihrer Garage."}});var a={soc:"Vehicle.Powertrain.TractionBattery.StateOfCharge.Current",charging:"Vehicle.Powertrain.TractionBattery.Charging.IsCharging",fuel:"Vehicle.Powertrain.FuelSystem.RelativeLevel",range:"Vehicle.Powertrain.Range",batteryRange:"Vehicle.Powertrain.TractionBattery.Range",odometer:"Vehicle.TraveledDistance",lat:"Vehicle.CurrentLocation.Latitude",lon:"Vehicle.CurrentLocation.Longitude",toServiceKm:"Vehicle.Service.DistanceToService",toServiceS:"Vehicle.Service.TimeToService"},y=/^Vehicle\.(Cabin\.Door\..*|Body\.Trunk\..*)\.IsLocked$/;function f(d){let e=r=>d?.signals?.[r]?.value,t=Object.entries(d?.signals||{}).filter(([r])=>y.test(r)).map(([,r])=>r.value),i=e(a.range)??e(a.batteryRange);return{charge:e(a.soc),charging:e(a.charging)===!0,fuel:e(a.fuel),rangeKm:i===void 0?void 0:i/1e3,mileageKm:e(a.odometer)===void 0?void 0:e(a.odometer)/1e3,locked:t.length?t.every(Boolean):void 0,latitude:e(a.lat),longitude:e(a.lon),serviceDue:!!d?.service_due,toServiceKm:e(a.toServiceKm),toServiceDays:e(a.toServiceS)===void 0?void 0:e(a.toServiceS)/86400}}var o=class extends n{constructor(){super(),this.vehicleId="",this.vin="",this.label="",this.pollSeconds=10,this.status=null,this.controls=!1,this._sending="",this._sent="",this._commandError=null,this._loading=0,this._error=null,this._fetchedAt=Date.now(),this._now=Date.now(),this._summary=""}connectedCallback(){super.connectedCallback(),this._clock=setInterval(()=>{this._now=Date.now(),this._now-this._fetchedAt>=this.pollSeconds*1e3&&!document.hidden&&!this._loading&&this.load()},1e3)}disconnectedCallback(){clearInterval(this._clock),super.disconnectedCallback()}willUpdate(e){e.has("status")&&this.status&&(this._fetchedAt=Date.now()),e.has("vehicleId")&&e.get("vehicleId")&&(this._sent="",this._commandError=null)}updated(e){["vehicleId","vin","token","baseUrl"].some(t=>e.has(t))&&!e.has("status")&&this.load()}async load(){if(!(!this.token||!this.vehicleId&&!this.vin)){this._fetchedAt=Date.now(),this._loading+=1;try{let{answer:e,stale:t}=await this.latest("status",async()=>{let i=null,r=this.vehicleId;if(!r){if(i=(await this.api.get("/vehicles/garage")).find(l=>l.vehicle.vin===this.vin),!i)throw new Error(`${this.vin}: not in my garage`);r=i.vehicle.id}return{car:i,status:await this.api.get(`/vehicles/garage/${r}/status`)}});if(t)return;e.car&&(this.vehicleId=e.car.vehicle.id,this.label||=`${e.car.vehicle.model_line} ${e.car.vehicle.variant}`),this._error=null,this.status=e.status,this._fetchedAt=Date.now(),this.emit("mp-vehicle-status",{status:e.status})}catch(e){this._error=e}finally{this._loading-=1}}}async _command(e){this._sending=e,this._sent="";try{await this.api.post(`/vehicles/garage/${this.vehicleId}/commands`,{command:e}),this._commandError=null,this._sent=this.t(`vehicles.sent.${e}`),this._fetchedAt=Date.now()-Math.max(0,this.pollSeconds-2)*1e3}catch(t){this._commandError=t}finally{this._sending=""}}_renderControls(){return!this.controls||!this.vehicleId?"":s`<p class="row controls">
      ${["lock","unlock"].map(e=>s`<button
            type="button"
            class="secondary"
            data-command=${e}
            ?disabled=${!!this._sending}
            @click=${()=>this._command(e)}
          >
            ${this.t(`vehicles.${e}`)}
          </button>`)}
      <span role="status" class="muted" data-sent>${this._sent}</span>
    </p>
    ${this.renderError(this._commandError)}`}_n(e,t=0){return v(e,this.loc,{maximumFractionDigits:t})}_energy(e){return e.charge!==void 0?`${this._n(e.charge)} %`:e.fuel!==void 0?`${this._n(e.fuel)} %`:this.t("vehicles.unknown")}render(){if(!this.token)return s`<p class="muted">${this.t("common.signInFirst")}</p>`;let e=this.status;if(!e)return s`${this.renderError(this._error)}<p class="muted">${this.t("common.loading")}</p>`;if(!e.as_of)return s`<p class="muted">${this.t("vehicles.noData")}</p>`;let t=f(e),i=(e.age_seconds||0)+(this._now-this._fetchedAt)/1e3,r=t.locked===void 0?this.t("vehicles.unknown"):t.locked?this.t("vehicles.locked"):this.t("vehicles.unlocked"),l=t.rangeKm===void 0?this.t("vehicles.unknown"):`${this._n(t.rangeKm)} km`,_=this.t("vehicles.summary",{car:this.label||e.vin,charge:this._energy(t),range:l,locks:r}),$=t.charge??t.fuel;return s`<dl>
        ${t.charge!==void 0?s`<dt>${this.t("vehicles.charge")}</dt>
              <dd data-signal="charge">
                ${this._n(t.charge)} %${t.charging?` (${this.t("vehicles.charging")})`:""}
                <span class="gauge" aria-hidden="true"><span style="width:${t.charge}%"></span></span>
              </dd>`:""}
        ${t.fuel!==void 0?s`<dt>${this.t("vehicles.fuel")}</dt>
              <dd data-signal="fuel">
                ${this._n(t.fuel)} %
                <span class="gauge" aria-hidden="true"><span style="width:${t.fuel}%"></span></span>
              </dd>`:""}
        ${$===void 0?s`<dt>${this.t("vehicles.charge")}</dt><dd>–</dd>`:""}
        <dt>${this.t("vehicles.range")}</dt>
        <dd data-signal="range">${l}</dd>
        <dt>${this.t("vehicles.mileage")}</dt>
        <dd data-signal="mileage">
          ${t.mileageKm===void 0?this.t("vehicles.unknown"):`${this._n(t.mileageKm)} km`}
        </dd>
        <dt>${this.t("vehicles.locks")}</dt>
        <dd data-signal="locked">${r}</dd>
        <dt>${this.t("vehicles.position")}</dt>
        <dd data-signal="position">
          ${t.latitude===void 0?this.t("vehicles.unknown"):s`${this._n(t.latitude,4)}, ${this._n(t.longitude,4)}
                <a
                  href="https://www.openstreetmap.org/?mlat=${t.latitude}&mlon=${t.longitude}#map=15/${t.latitude}/${t.longitude}"
                  target="_blank"
                  rel="noopener"
                  >${this.t("vehicles.showOnMap")}</a
                >`}
        </dd>
        <dt>${this.t("vehicles.service")}</dt>
        <dd data-signal="service">
          ${t.serviceDue?s`<strong class="error">${this.t("vehicles.serviceDue")}</strong>`:t.toServiceKm!==void 0?this.t("vehicles.serviceIn",{km:this._n(Math.max(0,t.toServiceKm)),days:this._n(Math.max(0,t.toServiceDays??0))}):this.t("vehicles.unknown")}
        </dd>
        <dt>${this.t("vehicles.updated")}</dt>
        <dd data-signal="age">${p(i,this.loc)}</dd>
      </dl>
      ${this._renderControls()} ${this.renderError(this._error)}
      <p class="sr-only" role="status" aria-live="polite">${_}</p>`}};c(o,"properties",{...n.properties,vehicleId:{attribute:"vehicle-id"},vin:{},label:{},pollSeconds:{attribute:"poll-seconds",type:Number},status:{attribute:!1},controls:{type:Boolean},_error:{state:!0},_now:{state:!0},_sending:{state:!0},_sent:{state:!0},_commandError:{state:!0}}),c(o,"styles",[n.styles,u`
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
    `]);customElements.get("mp-vehicle-status")||customElements.define("mp-vehicle-status",o);var h=class extends n{constructor(){super(),this.pollSeconds=10,this.selected="",this._cars=null,this._error=null,this._pairing=null,this._pairingError=null,this._pairingBusy="",this._added=""}updated(e){(e.has("token")||e.has("baseUrl"))&&this.load()}async load(){if(!this.token){this.supersede("garage"),this._cars=null;return}try{let{answer:e,stale:t}=await this.latest("garage",()=>this.api.get("/vehicles/garage"));if(t)return;this._error=null,this._cars=e;let i=this._cars.find(r=>r.vehicle.id===this.selected)||this._cars[0];i&&this._select(i)}catch(e){this._error=e}}async _startPairing(e){e.preventDefault();let t=String(new FormData(e.target).get("vin")||"").trim().toUpperCase();this._added="",this._pairing=null,this._pairingBusy="start";try{let i=await this.api.post("/vehicles/garage/pairing",{vin:t});this._pairingError=null,this._pairing={vin:t,expiresAt:i.expires_at},await this.updateComplete,this.renderRoot.querySelector("#pair-code")?.focus()}catch(i){this._pairingError={form:"start",error:i}}finally{this._pairingBusy=""}}async _confirmPairing(e){e.preventDefault();let t=String(new FormData(e.target).get("code")||"").trim();this._pairingBusy="confirm";try{let i=await this.api.post("/vehicles/garage",{vin:this._pairing.vin,code:t});this._pairingError=null,this._pairing=null,this._added=this.t("vehicles.added",{car:`${i.model_line} ${i.variant}`}),this.renderRoot.querySelector("#pair-start")?.reset(),await this.load(),await this.updateComplete,this.renderRoot.querySelector("[data-added]")?.focus()}catch(i){this._pairingError={form:"confirm",error:i}}finally{this._pairingBusy=""}}_fieldError(e){let t=this._pairingError?.form===e;return{invalid:t?"true":"false",message:t?s`<p class="error" role="alert" id="pair-${e}-error">
            ${this.errorText(this._pairingError.error)}
          </p>`:""}}_renderPairing(){let e=this._pairing,t=this._fieldError("start"),i=this._fieldError("confirm");return s`<section class="card add" aria-labelledby="add-title">
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
            aria-invalid=${t.invalid}
            aria-describedby="pair-vin-hint pair-start-error"
          />
          <small id="pair-vin-hint" class="muted">${this.t("vehicles.vinHint")}</small>
          ${t.message}
        </div>
        <button type="submit" ?disabled=${!!this._pairingBusy}>
          ${this.t("vehicles.showCode")}
        </button>
      </form>
      ${e?s`<form id="pair-confirm" @submit=${this._confirmPairing}>
            <p>
              ${this.t("vehicles.codeShown",{time:m(e.expiresAt,this.loc)})}
            </p>
            <div class="field">
              <label for="pair-code">${this.t("vehicles.code")}</label>
              <input
                id="pair-code"
                name="code"
                required
                inputmode="numeric"
                autocomplete="one-time-code"
                aria-invalid=${i.invalid}
                aria-describedby="pair-confirm-error"
              />
              ${i.message}
            </div>
            <button type="submit" ?disabled=${!!this._pairingBusy}>
              ${this.t("vehicles.addCar")}
            </button>
          </form>`:""}
      <p role="status" class="ok" data-added tabindex="-1">${this._added}</p>
    </section>`}_select(e){this.selected=e.vehicle.id,this.emit("mp-vehicle-selected",{vehicle:e.vehicle,model:e.model})}render(){if(!this.token)return s`<p class="muted">${this.t("common.signInFirst")}</p>`;let e=this._cars;return s`<section aria-labelledby="title">
      <h2 id="title">${this.t("vehicles.garage")}</h2>
      ${this.renderError(this._error)}
      ${e===null?s`<p class="muted">${this.t("common.loading")}</p>`:e.length===0?s`<p>${this.t("vehicles.empty")}</p>`:s`<div class="cars">
              ${e.map(t=>{let i=t.vehicle,r=`${i.model_line} ${i.variant}`,l=i.id===this.selected;return s`<article class="card" aria-label=${r} data-vin=${i.vin}>
                  <h3>${r}</h3>
                  <p class="meta muted">
                    ${[i.plate,i.colour,i.model_year].filter(Boolean).join(" · ")}
                  </p>
                  <mp-vehicle-status
                    vehicle-id=${i.id}
                    label=${r}
                    base-url=${this.baseUrl}
                    locale=${this.locale}
                    .token=${this.token}
                    .status=${t.status}
                    poll-seconds=${this.pollSeconds}
                    controls
                  ></mp-vehicle-status>
                  <p>
                    <button
                      type="button"
                      class="secondary"
                      aria-pressed=${l?"true":"false"}
                      @click=${()=>this._select(t)}
                    >
                      ${l?this.t("vehicles.selected"):this.t("vehicles.select")}
                    </button>
                  </p>
                </article>`})}
            </div>`}
      ${this._renderPairing()}
    </section>`}};c(h,"properties",{...n.properties,pollSeconds:{attribute:"poll-seconds",type:Number},selected:{},_cars:{state:!0},_error:{state:!0},_pairing:{state:!0},_pairingError:{state:!0},_pairingBusy:{state:!0},_added:{state:!0}}),c(h,"styles",[n.styles,u`
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
    `]);customElements.get("mp-garage")||customElements.define("mp-garage",h);export{h as MpGarage,o as MpVehicleStatus,f as readStatus};
