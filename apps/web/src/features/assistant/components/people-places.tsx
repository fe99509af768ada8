import { Badge } from "../../../components/ui/badge.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { humanize } from "../../../lib/format.ts";
import { usePeople, usePlaces } from "../api/get-entities.ts";
import { useCreatePerson, useCreatePlace, useUpdatePerson, useUpdatePlace } from "../api/mutate-entities.ts";
import type { TPerson, TPlace } from "../api/types.ts";
import { useEntityForm } from "./entity-form.ts";
import { AddForm, EntityList, EntityRow, EntitySection, KindOptions } from "./parts.tsx";

const PERSON_TYPES = ["contact", "colleague", "friend", "family", "lead"];
const PLACE_TYPES = ["location", "home", "office", "restaurant", "venue"];
const orNull = (value: string) => value.trim() || null;

/** Add a person, or edit one (`person` given). */
export const PersonForm = ({ close, person }: { close: () => void; person?: TPerson }) => {
  const { form, set, save, errors, frame } = useEntityForm({
    saved: person,
    create: useCreatePerson(),
    update: useUpdatePerson(),
    close,
    initial: {
      name: person?.name ?? "",
      email: person?.email ?? "",
      type: person?.type ?? "contact",
      company: person?.company ?? "",
      title: person?.title ?? "",
      importance: String(person?.importance ?? 5),
    },
  });
  const submit = () =>
    save({
      name: form.name,
      email: orNull(form.email),
      type: form.type,
      company: orNull(form.company),
      title: orNull(form.title),
      importance: Number(form.importance),
    });
  return (
    <AddForm label={person ? "Edit person" : "Add a person"} onSubmit={submit} {...frame}>
      <Field label="Name" error={errors.name}>
        <Input required maxLength={200} value={form.name} onChange={set("name")} />
      </Field>
      <Field label="Email" optional error={errors.email}>
        <Input type="email" maxLength={320} value={form.email} onChange={set("email")} />
      </Field>
      <Field label="Relationship to you" error={errors.type}>
        <Select value={form.type} onChange={set("type")}>
          <KindOptions kinds={PERSON_TYPES} current={form.type} />
        </Select>
      </Field>
      <Field label="Importance" hint="1 (low) to 10 (high)" error={errors.importance}>
        <Input type="number" min={1} max={10} value={form.importance} onChange={set("importance")} />
      </Field>
      <Field label="Company" optional error={errors.company}>
        <Input maxLength={200} value={form.company} onChange={set("company")} />
      </Field>
      <Field label="Job title" optional error={errors.title}>
        <Input maxLength={200} value={form.title} onChange={set("title")} />
      </Field>
    </AddForm>
  );
};

export const PeopleTab = () => {
  const people = usePeople();
  return (
    <EntitySection
      title="People"
      description="Who matters in your work and life, and how."
      addLabel="Add person"
      form={(close) => <PersonForm close={close} />}
    >
      <EntityList query={people} label="People" empty="No people yet">
        {(person) => (
          <EntityRow
            kind="person"
            id={person.id}
            title={person.name}
            aside={
              <div className="flex gap-2">
                <Badge>{humanize(person.type)}</Badge>
                <Badge tone={person.importance >= 8 ? "brand" : "neutral"}>Importance {person.importance}</Badge>
              </div>
            }
          >
            <p className="text-sm text-slate-600">
              {[person.title, person.company].filter(Boolean).join(" at ") || person.email || "\u00a0"}
            </p>
          </EntityRow>
        )}
      </EntityList>
    </EntitySection>
  );
};

/** Add a place, or edit one (`place` given). */
export const PlaceForm = ({ close, place }: { close: () => void; place?: TPlace }) => {
  const { form, set, save, errors, frame } = useEntityForm({
    saved: place,
    create: useCreatePlace(),
    update: useUpdatePlace(),
    close,
    initial: {
      name: place?.name ?? "",
      type: place?.type ?? "location",
      address: place?.address ?? "",
      city: place?.city ?? "",
      country: place?.country ?? "",
    },
  });
  const submit = () =>
    save({
      name: form.name,
      type: form.type,
      address: orNull(form.address),
      city: orNull(form.city),
      country: orNull(form.country),
    });
  return (
    <AddForm label={place ? "Edit place" : "Add a place"} onSubmit={submit} {...frame}>
      <Field label="Name" error={errors.name}>
        <Input required maxLength={200} value={form.name} onChange={set("name")} />
      </Field>
      <Field label="Kind of place" error={errors.type}>
        <Select value={form.type} onChange={set("type")}>
          <KindOptions kinds={PLACE_TYPES} current={form.type} />
        </Select>
      </Field>
      <Field label="Address" optional error={errors.address}>
        <Input maxLength={500} value={form.address} onChange={set("address")} />
      </Field>
      <Field label="City" optional error={errors.city}>
        <Input maxLength={200} value={form.city} onChange={set("city")} />
      </Field>
      <Field label="Country" optional error={errors.country}>
        <Input maxLength={200} value={form.country} onChange={set("country")} />
      </Field>
    </AddForm>
  );
};

export const PlacesTab = () => {
  const places = usePlaces();
  return (
    <EntitySection
      title="Places"
      description="Offices, venues and the places your plans happen."
      addLabel="Add place"
      form={(close) => <PlaceForm close={close} />}
    >
      <EntityList query={places} label="Places" empty="No places yet">
        {(place) => (
          <EntityRow kind="place" id={place.id} title={place.name} aside={<Badge>{humanize(place.type)}</Badge>}>
            <p className="text-sm text-slate-600">
              {[place.address, place.city, place.country].filter(Boolean).join(", ") || "\u00a0"}
            </p>
          </EntityRow>
        )}
      </EntityList>
    </EntitySection>
  );
};
