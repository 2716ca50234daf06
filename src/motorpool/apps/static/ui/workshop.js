import{b as h,g as o,k as l,s as c,t as n,u as d,x as a}from"./chunks/chunk-UYN26RCM.js";l({en:{"workshop.title":"Book a workshop appointment","workshop.services":"Services","workshop.day":"Day","workshop.findSlots":"Show free times","workshop.slots":"Free times","workshop.noSlots":"No free time that day. Try another day.","workshop.courtesy":"I would like a courtesy car","workshop.note":"Note for the workshop","workshop.book":"Book appointment","workshop.booking":"Booking…","workshop.booked":"Booked for {when}.","workshop.needCar":"Choose a car first.","workshop.needCentre":"Choose a centre first.","workshop.needService":"Choose at least one service.","workshop.mine":"My appointments","workshop.none":"No appointments yet.","workshop.cancel":"Cancel appointment","workshop.cancelled":"The appointment is cancelled.","workshop.duration":"{minutes} min","workshop.status.booked":"Booked","workshop.status.rescheduled":"Rescheduled","workshop.status.cancelled":"Cancelled","workshop.status.in_progress":"In the workshop","workshop.status.done":"Done"},de:{"workshop.title":"Werkstatttermin buchen","workshop.services":"Leistungen","workshop.day":"Tag","workshop.findSlots":"Freie Zeiten zeigen","workshop.slots":"Freie Zeiten","workshop.noSlots":"An diesem Tag ist nichts frei. Versuchen Sie einen anderen Tag.","workshop.courtesy":"Ich möchte ein Ersatzfahrzeug","workshop.note":"Hinweis für die Werkstatt","workshop.book":"Termin buchen","workshop.booking":"Wird gebucht …","workshop.booked":"Gebucht für {when}.","workshop.needCar":"Wählen Sie zuerst ein Fahrzeug.","workshop.needCentre":"Wählen Sie zuerst ein Zentrum.","workshop.needService":"Wählen Sie mindestens eine Leistung.","workshop.mine":"Meine Termine","workshop.none":"Noch keine Termine.","workshop.cancel":"Termin absagen","workshop.cancelled":"Der Termin ist abgesagt.","workshop.duration":"{minutes} Min.","workshop.status.booked":"Gebucht","workshop.status.rescheduled":"Verschoben","workshop.status.cancelled":"Abgesagt","workshop.status.in_progress":"In der Werkstatt","workshop.status.done":"Erledigt"}});var u=["booked","rescheduled"];function k(){let i=new Date;for(i.setDate(i.getDate()+2);i.getDay()===0||i.getDay()===6;)i.setDate(i.getDate()+1);let t=e=>String(e).padStart(2,"0");return`${i.getFullYear()}-${t(i.getMonth()+1)}-${t(i.getDate())}`}var r=class extends a{constructor(){super(),this.centreId="",this.vehicleId="",this.day=k(),this._types=[],this._chosen=new Set,this._slots=null,this._slot="",this._mine=null,this._busy=!1,this._error=null,this._status=""}updated(t){(t.has("token")||t.has("baseUrl"))&&this.load(),["centreId","vehicleId","day"].some(e=>t.has(e))&&(this._slots=null,this._slot="")}async load(){try{this._error=null,this._types=await this.api.get("/workshop/service-types"),this.token&&await this.loadMine()}catch(t){this._error=t}}async loadMine(){this._mine=(await this.api.get("/workshop/appointments",{limit:50})).items}_serviceName(t){let e=this._types.find(s=>s.code===t);return e?this.loc==="de"?e.name_de:e.name_en:t}_toggle(t,e){let s=new Set(this._chosen);e?s.add(t):s.delete(t),this._chosen=s,this._slots=null,this._slot=""}_missing(){return this.vehicleId?this.centreId?this._chosen.size===0?this.t("workshop.needService"):"":this.t("workshop.needCentre"):this.t("workshop.needCar")}async _findSlots(t){t?.preventDefault();let e=this._missing();if(e){this.supersede("slots"),this._slots=null,this._status=e;return}try{this._status="";let{answer:s,stale:p}=await this.latest("slots",()=>this.api.get("/workshop/slots",{centre_id:this.centreId,day:this.day,vehicle_id:this.vehicleId,services:[...this._chosen]}));if(p)return;this._error=null,this._slots=s,this._slot=""}catch(s){this._error=s}}async _book(t){t.preventDefault();let e=new FormData(t.target);this._busy=!0;try{this._error=null;let s=await this.api.post("/workshop/appointments",{vehicle_id:this.vehicleId,centre_id:this.centreId,service_codes:[...this._chosen],starts_at:this._slot,wants_courtesy_car:e.get("courtesy")==="on",note:String(e.get("note")||"").trim()||null},{idempotent:!0});this._status=this.t("workshop.booked",{when:n(s.starts_at,this.loc,{timeZone:s.time_zone})}),this._slots=null,this._slot="",this.emit("mp-appointment-booked",{appointment:s}),await this.loadMine()}catch(s){this._error=s}finally{this._busy=!1}}async _cancel(t){try{this._error=null,await this.api.post(`/workshop/appointments/${t.id}/cancel`),this._status=this.t("workshop.cancelled"),await this.loadMine()}catch(e){this._error=e}}_renderSlots(){let t=this._slots;if(!t)return"";let e=t.slots.filter(s=>s.free>0);return e.length===0?o`<p>${this.t("workshop.noSlots")}</p>`:o`<form @submit=${this._book}>
      <fieldset class="field">
        <legend>${this.t("workshop.slots")} · ${this.t("workshop.duration",{minutes:t.duration_minutes})}</legend>
        <div class="row">
          ${e.map(s=>o`<label style="font-weight:normal">
              <input
                type="radio"
                name="slot"
                required
                value=${s.starts_at}
                .checked=${s.starts_at===this._slot}
                @change=${()=>this._slot=s.starts_at}
              />
              ${d(s.starts_at,this.loc,{timeZone:t.time_zone})}
            </label>`)}
        </div>
      </fieldset>
      <div class="field">
        <label style="font-weight:normal"
          ><input type="checkbox" name="courtesy" /> ${this.t("workshop.courtesy")}</label
        >
      </div>
      <div class="field">
        <label for="note">${this.t("workshop.note")}</label>
        <textarea id="note" name="note" rows="2" maxlength="500"></textarea>
      </div>
      <button type="submit" ?disabled=${this._busy||!this._slot}>
        ${this._busy?this.t("workshop.booking"):this.t("workshop.book")}
      </button>
    </form>`}_renderMine(){return this._mine?this._mine.length===0?o`<p class="muted">${this.t("workshop.none")}</p>`:o`<ul class="plain" data-appointments>
      ${this._mine.map(t=>o`<li class="card" style="margin-bottom:0.5rem" data-appointment=${t.id}>
          <strong>${n(t.starts_at,this.loc,{timeZone:t.time_zone})}</strong>
          · ${t.model_line} · ${t.service_codes.map(e=>this._serviceName(e)).join(", ")}
          · <span>${this.t(`workshop.status.${t.status}`)}</span>
          ${u.includes(t.status)?o`<button type="button" class="secondary" @click=${()=>this._cancel(t)}>
                ${this.t("workshop.cancel")}
              </button>`:""}
        </li>`)}
    </ul>`:""}render(){return this.token?o`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("workshop.title")}</h2>
      <form @submit=${this._findSlots}>
        <fieldset class="field">
          <legend>${this.t("workshop.services")}</legend>
          ${this._types.map(t=>o`<label style="font-weight:normal">
              <input
                type="checkbox"
                value=${t.code}
                .checked=${this._chosen.has(t.code)}
                @change=${e=>this._toggle(t.code,e.target.checked)}
              />
              ${this.loc==="de"?t.name_de:t.name_en}
            </label>`)}
        </fieldset>
        <div class="field">
          <label for="day">${this.t("workshop.day")}</label>
          <input
            id="day"
            type="date"
            .value=${this.day}
            @change=${t=>this.day=t.target.value}
            aria-describedby="day-text"
          />
          <span id="day-text" class="muted">${this.day?c(`${this.day}T12:00:00`,this.loc,{dateStyle:"full"}):""}</span>
        </div>
        <button type="submit" class="secondary">${this.t("workshop.findSlots")}</button>
      </form>
      ${this._renderSlots()} ${this.renderError(this._error)}
      <p role="status" aria-live="polite" class="ok">${this._status}</p>
      <h3>${this.t("workshop.mine")}</h3>
      ${this._renderMine()}
    </section>`:o`<p class="muted">${this.t("common.signInFirst")}</p>`}};h(r,"properties",{...a.properties,centreId:{attribute:"centre-id"},vehicleId:{attribute:"vehicle-id"},day:{},_types:{state:!0},_chosen:{state:!0},_slots:{state:!0},_slot:{state:!0},_mine:{state:!0},_busy:{state:!0},_error:{state:!0},_status:{state:!0}});customElements.get("mp-workshop-booking")||customElements.define("mp-workshop-booking",r);export{r as MpWorkshopBooking};
