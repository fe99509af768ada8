import { useState } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { humanize } from "../../../lib/format.ts";
import { usePeople, usePlaces } from "../api/get-entities.ts";
import { useCreatePerson, useCreatePlace } from "../api/mutate-entities.ts";
import { AddForm, EntityLink, EntityList, EntitySection, fieldErrors } from "./parts.tsx";

const PERSON_TYPES = ["contact", "colleague", "friend", "family", "lead"];
const PLACE_TYPES = ["location", "home", "office", "restaurant", "venue"];
const orNull = (value: string) => value.trim() || null;

const PersonForm = ({ close }: { close: () => void }) => {
  const create = useCreatePerson();
  const [form, setForm] = useState({ name: "", email: "", type: "contact", company: "", title: "", importance: "5" });
  const errors = fieldErrors(create.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  return (
    <AddForm
      label="Add a person"
      error={create.error}
      pending={create.isPending}
      onCancel={close}
      onSubmit={() => create.mutate({ name: form.name, email: orNull(form.email), type: form.type, company: orNull(form.company), title: orNull(form.title), importance: Number(form.importance) }, { onSuccess: close })}
    >
      <Field label="Name" error={errors.name}><Input required maxLength={200} value={form.name} onChange={set("name")} /></Field>
      <Field label="Email" optional error={errors.email}><Input type="email" maxLength={320} value={form.email} onChange={set("email")} /></Field>
      <Field label="Relationship to you" error={errors.type}>
        <Select value={form.type} onChange={set("type")}>{PERSON_TYPES.map((type) => <option key={type} value={type}>{humanize(type)}</option>)}</Select>
      </Field>
      <Field label="Importance" hint="1 (low) to 10 (high)" error={errors.importance}><Input type="number" min={1} max={10} value={form.importance} onChange={set("importance")} /></Field>
      <Field label="Company" optional error={errors.company}><Input maxLength={200} value={form.company} onChange={set("company")} /></Field>
      <Field label="Job title" optional error={errors.title}><Input maxLength={200} value={form.title} onChange={set("title")} /></Field>
    </AddForm>
  );
};

export const PeopleTab = () => {
  const people = usePeople();
  return (
    <EntitySection title="People" description="Who matters in your work and life, and how." addLabel="Add person" form={(close) => <PersonForm close={close} />}>
      <EntityList query={people} label="People" empty="No people yet">
        {(person) => (
          <>
            <div className="min-w-0">
              <EntityLink kind="person" id={person.id}>{person.name}</EntityLink>
              <p className="text-sm text-slate-600">{[person.title, person.company].filter(Boolean).join(" at ") || person.email || "\u00a0"}</p>
            </div>
            <div className="flex gap-2"><Badge>{humanize(person.type)}</Badge><Badge tone={person.importance >= 8 ? "brand" : "neutral"}>Importance {person.importance}</Badge></div>
          </>
        )}
      </EntityList>
    </EntitySection>
  );
};

const PlaceForm = ({ close }: { close: () => void }) => {
  const create = useCreatePlace();
  const [form, setForm] = useState({ name: "", type: "location", address: "", city: "", country: "" });
  const errors = fieldErrors(create.error);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  return (
    <AddForm
      label="Add a place"
      error={create.error}
      pending={create.isPending}
      onCancel={close}
      onSubmit={() => create.mutate({ name: form.name, type: form.type, address: orNull(form.address), city: orNull(form.city), country: orNull(form.country) }, { onSuccess: close })}
    >
      <Field label="Name" error={errors.name}><Input required maxLength={200} value={form.name} onChange={set("name")} /></Field>
      <Field label="Kind of place" error={errors.type}>
        <Select value={form.type} onChange={set("type")}>{PLACE_TYPES.map((type) => <option key={type} value={type}>{humanize(type)}</option>)}</Select>
      </Field>
      <Field label="Address" optional error={errors.address}><Input maxLength={500} value={form.address} onChange={set("address")} /></Field>
      <Field label="City" optional error={errors.city}><Input maxLength={200} value={form.city} onChange={set("city")} /></Field>
      <Field label="Country" optional error={errors.country}><Input maxLength={200} value={form.country} onChange={set("country")} /></Field>
    </AddForm>
  );
};

export const PlacesTab = () => {
  const places = usePlaces();
  return (
    <EntitySection title="Places" description="Offices, venues and the places your plans happen." addLabel="Add place" form={(close) => <PlaceForm close={close} />}>
      <EntityList query={places} label="Places" empty="No places yet">
        {(place) => (
          <>
            <div className="min-w-0">
              <EntityLink kind="place" id={place.id}>{place.name}</EntityLink>
              <p className="text-sm text-slate-600">{[place.address, place.city, place.country].filter(Boolean).join(", ") || "\u00a0"}</p>
            </div>
            <Badge>{humanize(place.type)}</Badge>
          </>
        )}
      </EntityList>
    </EntitySection>
  );
};
