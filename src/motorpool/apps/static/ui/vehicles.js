import{b as c,f as u,g as a,i as v,o as g,t as m,v as l}from"./chunks/chunk-BJ5O7WGI.js";v({en:{"vehicles.garage":"My garage","vehicles.empty":"No cars in your garage yet.","vehicles.status":"Status","vehicles.charge":"Charge","vehicles.charging":"charging","vehicles.fuel":"Fuel","vehicles.range":"Range","vehicles.mileage":"Mileage","vehicles.locks":"Doors","vehicles.locked":"Locked","vehicles.unlocked":"Unlocked","vehicles.position":"Position","vehicles.showOnMap":"show on map","vehicles.service":"Service","vehicles.serviceDue":"Service due","vehicles.serviceIn":"in {km} km or {days} days","vehicles.updated":"Updated","vehicles.noData":"No data from this car yet.","vehicles.unknown":"unknown","vehicles.select":"Book a service for this car","vehicles.selected":"Selected for booking","vehicles.summary":"{car}: {charge}, range {range}, {locks}","vehicles.plate":"Plate"},de:{"vehicles.garage":"Meine Garage","vehicles.empty":"Noch keine Fahrzeuge in Ihrer Garage.","vehicles.status":"Status","vehicles.charge":"Ladestand","vehicles.charging":"lädt","vehicles.fuel":"Tankinhalt","vehicles.range":"Reichweite","vehicles.mileage":"Kilometerstand","vehicles.locks":"Türen","vehicles.locked":"Verriegelt","vehicles.unlocked":"Entriegelt","vehicles.position":"Standort","vehicles.showOnMap":"auf der Karte zeigen","vehicles.service":"Service","vehicles.serviceDue":"Service fällig","vehicles.serviceIn":"in {km} km oder {days} Tagen","vehicles.updated":"Aktualisiert","vehicles.noData":"Noch keine Daten von diesem Fahrzeug.","vehicles.unknown":"unbekannt","vehicles.select":"Service für dieses Fahrzeug buchen","vehicles.selected":"Für die Buchung gewählt","vehicles.summary":"{car}: {charge}, Reichweite {range}, {locks}","vehicles.plate":"Kennzeichen"}});var r={soc:"Vehicle.Powertrain.TractionBattery.StateOfCharge.Current",charging:"Vehicle.Powertrain.TractionBattery.Charging.IsCharging",fuel:"Vehicle.Powertrain.FuelSystem.RelativeLevel",range:"Vehicle.Powertrain.Range",batteryRange:"Vehicle.Powertrain.TractionBattery.Range",odometer:"Vehicle.TraveledDistance",lat:"Vehicle.CurrentLocation.Latitude",lon:"Vehicle.CurrentLocation.Longitude",toServiceKm:"Vehicle.Service.DistanceToService",toServiceS:"Vehicle.Service.TimeToService"},k=/^Vehicle\.(Cabin\.Door\..*|Body\.Trunk\..*)\.IsLocked$/;function p(d){let e=s=>d?.signals?.[s]?.value,t=Object.entries(d?.signals||{}).filter(([s])=>k.test(s)).map(([,s])=>s.value),i=e(r.range)??e(r.batteryRange);return{charge:e(r.soc),charging:e(r.charging)===!0,fuel:e(r.fuel),rangeKm:i===void 0?void 0:i/1e3,mileageKm:e(r.odometer)===void 0?void 0:e(r.odometer)/1e3,locked:t.length?t.every(Boolean):void 0,latitude:e(r.lat),longitude:e(r.lon),serviceDue:!!d?.service_due,toServiceKm:e(r.toServiceKm),toServiceDays:e(r.toServiceS)===void 0?void 0:e(r.toServiceS)/86400}}var h=class extends l{constructor(){super(),this.vehicleId="",this.vin="",this.label="",this.pollSeconds=10,this.status=null,this._error=null,this._fetchedAt=Date.now(),this._now=Date.now(),this._summary=""}connectedCallback(){super.connectedCallback(),this._clock=setInterval(()=>{this._now=Date.now(),!document.hidden&&this._now-this._fetchedAt>=this.pollSeconds*1e3&&this.load()},1e3)}disconnectedCallback(){clearInterval(this._clock),super.disconnectedCallback()}willUpdate(e){e.has("status")&&this.status&&(this._fetchedAt=Date.now())}updated(e){["vehicleId","vin","token","baseUrl"].some(t=>e.has(t))&&!e.has("status")&&this.load()}async load(){if(!(!this.token||!this.vehicleId&&!this.vin)){this._fetchedAt=Date.now();try{let{answer:e,stale:t}=await this.latest("status",async()=>{let i=null,s=this.vehicleId;if(!s){if(i=(await this.api.get("/vehicles/garage")).find(n=>n.vehicle.vin===this.vin),!i)throw new Error(`${this.vin}: not in my garage`);s=i.vehicle.id}return{car:i,status:await this.api.get(`/vehicles/garage/${s}/status`)}});if(t)return;e.car&&(this.vehicleId=e.car.vehicle.id,this.label||=`${e.car.vehicle.model_line} ${e.car.vehicle.variant}`),this._error=null,this.status=e.status,this._fetchedAt=Date.now(),this.emit("mp-vehicle-status",{status:e.status})}catch(e){this._error=e}}}_n(e,t=0){return g(e,this.loc,{maximumFractionDigits:t})}_energy(e){return e.charge!==void 0?`${this._n(e.charge)} %`:e.fuel!==void 0?`${this._n(e.fuel)} %`:this.t("vehicles.unknown")}render(){if(!this.token)return a`<p class="muted">${this.t("common.signInFirst")}</p>`;let e=this.status;if(!e)return a`${this.renderError(this._error)}<p class="muted">${this.t("common.loading")}</p>`;if(!e.as_of)return a`<p class="muted">${this.t("vehicles.noData")}</p>`;let t=p(e),i=(e.age_seconds||0)+(this._now-this._fetchedAt)/1e3,s=t.locked===void 0?this.t("vehicles.unknown"):t.locked?this.t("vehicles.locked"):this.t("vehicles.unlocked"),n=t.rangeKm===void 0?this.t("vehicles.unknown"):`${this._n(t.rangeKm)} km`,f=this.t("vehicles.summary",{car:this.label||e.vin,charge:this._energy(t),range:n,locks:s}),$=t.charge??t.fuel;return a`<dl>
        ${t.charge!==void 0?a`<dt>${this.t("vehicles.charge")}</dt>
              <dd data-signal="charge">
                ${this._n(t.charge)} %${t.charging?` (${this.t("vehicles.charging")})`:""}
                <span class="gauge" aria-hidden="true"><span style="width:${t.charge}%"></span></span>
              </dd>`:""}
        ${t.fuel!==void 0?a`<dt>${this.t("vehicles.fuel")}</dt>
              <dd data-signal="fuel">
                ${this._n(t.fuel)} %
                <span class="gauge" aria-hidden="true"><span style="width:${t.fuel}%"></span></span>
              </dd>`:""}
        ${$===void 0?a`<dt>${this.t("vehicles.charge")}</dt><dd>–</dd>`:""}
        <dt>${this.t("vehicles.range")}</dt>
        <dd data-signal="range">${n}</dd>
        <dt>${this.t("vehicles.mileage")}</dt>
        <dd data-signal="mileage">
          ${t.mileageKm===void 0?this.t("vehicles.unknown"):`${this._n(t.mileageKm)} km`}
        </dd>
        <dt>${this.t("vehicles.locks")}</dt>
        <dd data-signal="locked">${s}</dd>
        <dt>${this.t("vehicles.position")}</dt>
        <dd data-signal="position">
          ${t.latitude===void 0?this.t("vehicles.unknown"):a`${this._n(t.latitude,4)}, ${this._n(t.longitude,4)}
                <a
                  href="https://www.openstreetmap.org/?mlat=${t.latitude}&mlon=${t.longitude}#map=15/${t.latitude}/${t.longitude}"
                  target="_blank"
                  rel="noopener"
                  >${this.t("vehicles.showOnMap")}</a
                >`}
        </dd>
        <dt>${this.t("vehicles.service")}</dt>
        <dd data-signal="service">
          ${t.serviceDue?a`<strong class="error">${this.t("vehicles.serviceDue")}</strong>`:t.toServiceKm!==void 0?this.t("vehicles.serviceIn",{km:this._n(Math.max(0,t.toServiceKm)),days:this._n(Math.max(0,t.toServiceDays??0))}):this.t("vehicles.unknown")}
        </dd>
        <dt>${this.t("vehicles.updated")}</dt>
        <dd data-signal="age">${m(i,this.loc)}</dd>
      </dl>
      ${this.renderError(this._error)}
      <p class="sr-only" role="status" aria-live="polite">${f}</p>`}};c(h,"properties",{...l.properties,vehicleId:{attribute:"vehicle-id"},vin:{},label:{},pollSeconds:{attribute:"poll-seconds",type:Number},status:{attribute:!1},_error:{state:!0},_now:{state:!0}}),c(h,"styles",[l.styles,u`
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
    `]);customElements.get("mp-vehicle-status")||customElements.define("mp-vehicle-status",h);var o=class extends l{constructor(){super(),this.pollSeconds=10,this.selected="",this._cars=null,this._error=null}updated(e){(e.has("token")||e.has("baseUrl"))&&this.load()}async load(){if(!this.token){this.supersede("garage"),this._cars=null;return}try{let{answer:e,stale:t}=await this.latest("garage",()=>this.api.get("/vehicles/garage"));if(t)return;this._error=null,this._cars=e;let i=this._cars.find(s=>s.vehicle.id===this.selected)||this._cars[0];i&&this._select(i)}catch(e){this._error=e}}_select(e){this.selected=e.vehicle.id,this.emit("mp-vehicle-selected",{vehicle:e.vehicle,model:e.model})}render(){if(!this.token)return a`<p class="muted">${this.t("common.signInFirst")}</p>`;let e=this._cars;return a`<section aria-labelledby="title">
      <h2 id="title">${this.t("vehicles.garage")}</h2>
      ${this.renderError(this._error)}
      ${e===null?a`<p class="muted">${this.t("common.loading")}</p>`:e.length===0?a`<p>${this.t("vehicles.empty")}</p>`:a`<div class="cars">
              ${e.map(t=>{let i=t.vehicle,s=`${i.model_line} ${i.variant}`,n=i.id===this.selected;return a`<article class="card" aria-label=${s} data-vin=${i.vin}>
                  <h3>${s}</h3>
                  <p class="meta muted">
                    ${[i.plate,i.colour,i.model_year].filter(Boolean).join(" · ")}
                  </p>
                  <mp-vehicle-status
                    vehicle-id=${i.id}
                    label=${s}
                    base-url=${this.baseUrl}
                    locale=${this.locale}
                    .token=${this.token}
                    .status=${t.status}
                    poll-seconds=${this.pollSeconds}
                  ></mp-vehicle-status>
                  <p>
                    <button
                      type="button"
                      class="secondary"
                      aria-pressed=${n?"true":"false"}
                      @click=${()=>this._select(t)}
                    >
                      ${n?this.t("vehicles.selected"):this.t("vehicles.select")}
                    </button>
                  </p>
                </article>`})}
            </div>`}
    </section>`}};c(o,"properties",{...l.properties,pollSeconds:{attribute:"poll-seconds",type:Number},selected:{},_cars:{state:!0},_error:{state:!0}}),c(o,"styles",[l.styles,u`
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
    `]);customElements.get("mp-garage")||customElements.define("mp-garage",o);export{o as MpGarage,h as MpVehicleStatus,p as readStatus};
