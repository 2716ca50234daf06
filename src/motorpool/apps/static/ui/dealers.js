import{b as o,g as s,k as d,q as c,t as h,x as l}from"./chunks/chunk-UYN26RCM.js";d({en:{"dealers.title":"Centres","dealers.nearest":"Nearest centres","dealers.nearMe":"Near me","dealers.pick":"Choose a centre","dealers.openNow":"Open now","dealers.closed":"Closed","dealers.opens":"opens {when}","dealers.distance":"{km} km","dealers.none":"No centre found.","dealers.locationDenied":"Your location is not available; showing all centres."},de:{"dealers.title":"Zentren","dealers.nearest":"Nächstgelegene Zentren","dealers.nearMe":"In meiner Nähe","dealers.pick":"Zentrum wählen","dealers.openNow":"Jetzt geöffnet","dealers.closed":"Geschlossen","dealers.opens":"öffnet {when}","dealers.distance":"{km} km","dealers.none":"Kein Zentrum gefunden.","dealers.locationDenied":"Ihr Standort ist nicht verfügbar; alle Zentren werden gezeigt."}});var i=class extends l{constructor(){super(),this.latitude=void 0,this.longitude=void 0,this.offers="",this.limit=5,this.selected="",this._centres=null,this._status={},this._error=null,this._note=""}updated(t){["latitude","longitude","offers","limit","baseUrl"].some(e=>t.has(e))&&this.load()}async load(){let t=Number.isFinite(this.latitude)&&Number.isFinite(this.longitude);try{let{answer:e,stale:n}=await this.latest("centres",async()=>{let r=t?await this.api.get("/dealers/centres/nearest",{latitude:this.latitude,longitude:this.longitude,limit:this.limit,offers:this.offers}):(await this.api.get("/dealers/centres",{limit:50,offers:this.offers})).items,a=await Promise.all(r.map(u=>this.api.get(`/dealers/centres/${u.id}/opening-status`).catch(()=>null)));return{centres:r,statuses:a}});if(n)return;this._error=null,this._centres=e.centres,this._status=Object.fromEntries(e.centres.map((r,a)=>[r.id,e.statuses[a]]))}catch(e){this._error=e}}_nearMe(){if(!navigator.geolocation){this._note=this.t("dealers.locationDenied");return}navigator.geolocation.getCurrentPosition(t=>{this._note="",this.latitude=t.coords.latitude,this.longitude=t.coords.longitude},()=>{this._note=this.t("dealers.locationDenied")},{timeout:1e4,maximumAge:6e5})}_choose(t){this.selected=t.id,this.emit("mp-centre-selected",{centre:t})}_renderStatus(t){let e=this._status[t.id];if(!e)return"";if(e.open)return s`<span class="ok">${this.t("dealers.openNow")}</span>`;let n=e.next_opening?this.t("dealers.opens",{when:h(e.next_opening,this.loc,{timeZone:t.time_zone})}):"";return s`<span class="muted">${this.t("dealers.closed")}${n?` · ${n}`:""}</span>`}render(){let t=this._centres;return s`<section class="card" aria-labelledby="title">
      <div class="row" style="justify-content:space-between">
        <h2 id="title">
          ${Number.isFinite(this.latitude)?this.t("dealers.nearest"):this.t("dealers.title")}
        </h2>
        <button class="secondary" type="button" @click=${this._nearMe}>
          ${this.t("dealers.nearMe")}
        </button>
      </div>
      ${this._note?s`<p class="muted" role="status">${this._note}</p>`:""}
      ${this.renderError(this._error)}
      ${t===null?s`<p class="muted">${this.t("common.loading")}</p>`:t.length===0?s`<p>${this.t("dealers.none")}</p>`:s`<fieldset style="border:0;padding:0;margin:0">
              <legend class="sr-only">${this.t("dealers.pick")}</legend>
              <ul class="plain">
                ${t.map(e=>s`<li style="margin-bottom:0.4rem">
                    <label style="font-weight:normal;display:flex;gap:0.5rem">
                      <input
                        type="radio"
                        name="centre"
                        value=${e.id}
                        .checked=${e.id===this.selected}
                        @change=${()=>this._choose(e)}
                      />
                      <span
                        ><strong>${e.name}</strong>, ${e.city}
                        ${e.distance_km!==void 0?s`<span class="muted"
                              >· ${this.t("dealers.distance",{km:c(e.distance_km,this.loc,{maximumFractionDigits:1})})}</span
                            >`:""}
                        <br />${this._renderStatus(e)}</span
                      >
                    </label>
                  </li>`)}
              </ul>
            </fieldset>`}
    </section>`}};o(i,"properties",{...l.properties,latitude:{type:Number},longitude:{type:Number},offers:{},limit:{type:Number},selected:{},_centres:{state:!0},_status:{state:!0},_error:{state:!0},_note:{state:!0}});customElements.get("mp-centre-picker")||customElements.define("mp-centre-picker",i);export{i as MpCentrePicker};
