import { Badge } from "../../../components/ui/badge.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { usePeople, usePlaces } from "../api/get-entities.ts";
import { useCreatePerson, useCreatePlace, useUpdatePerson, useUpdatePlace } from "../api/mutate-entities.ts";
import type { TPerson, TPlace } from "../api/types.ts";
import { useEntityForm } from "./entity-form.ts";
import { AddForm, EntityList, EntityRow, EntitySection, KindOptions } from "./parts.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { enumLabel } from "../../../lib/i18n/enum-label.ts";

const PERSON_TYPES = ["contact", "colleague", "friend", "family", "lead"];
const PLACE_TYPES = ["location", "home", "office", "restaurant", "venue"];
const orNull = (value: string) => value.trim() || null;

/** Add a person, or edit one (`person` given). */
export const PersonForm = ({ close, person }: { close: () => void; person?: TPerson }) => {
  const { t } = useTranslation();
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
    <AddForm label={t(person ? "assistant.editKind.person" : "assistant.addForm.person")} onSubmit={submit} {...frame}>
      <Field label={t("assistant.fields.name")} error={errors.name}>
        <Input required maxLength={200} value={form.name} onChange={set("name")} />
      </Field>
      <Field label={t("assistant.fields.email")} optional error={errors.email}>
        <Input type="email" maxLength={320} value={form.email} onChange={set("email")} />
      </Field>
      <Field label={t("assistant.fields.relationship")} error={errors.type}>
        <Select value={form.type} onChange={set("type")}>
          <KindOptions kinds={PERSON_TYPES} current={form.type} labels="assistant.personTypes" />
        </Select>
      </Field>
      <Field label={t("assistant.fields.importance")} hint={t("assistant.importanceHint")} error={errors.importance}>
        <Input type="number" min={1} max={10} value={form.importance} onChange={set("importance")} />
      </Field>
      <Field label={t("assistant.fields.company")} optional error={errors.company}>
        <Input maxLength={200} value={form.company} onChange={set("company")} />
      </Field>
      <Field label={t("assistant.fields.jobTitle")} optional error={errors.title}>
        <Input maxLength={200} value={form.title} onChange={set("title")} />
      </Field>
    </AddForm>
  );
};

export const PeopleTab = () => {
  const people = usePeople();
  const { t } = useTranslation();
  return (
    <EntitySection kind="person" form={(close) => <PersonForm close={close} />}>
      <EntityList query={people} kind="person">
        {(person) => (
          <EntityRow
            kind="person"
            id={person.id}
            title={person.name}
            aside={
              <div className="flex gap-2">
                <Badge>{enumLabel("assistant.personTypes", person.type)}</Badge>
                <Badge tone={person.importance >= 8 ? "brand" : "neutral"}>
                  {t("assistant.importanceBadge", { importance: person.importance })}
                </Badge>
              </div>
            }
          >
            <p className="text-sm text-slate-600">
              {(person.title && person.company
                ? t("assistant.titleAtCompany", { title: person.title, company: person.company })
                : person.title || person.company) ||
                person.email ||
                "\u00a0"}
            </p>
          </EntityRow>
        )}
      </EntityList>
    </EntitySection>
  );
};

/** Add a place, or edit one (`place` given). */
export const PlaceForm = ({ close, place }: { close: () => void; place?: TPlace }) => {
  const { t } = useTranslation();
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
    <AddForm label={t(place ? "assistant.editKind.place" : "assistant.addForm.place")} onSubmit={submit} {...frame}>
      <Field label={t("assistant.fields.name")} error={errors.name}>
        <Input required maxLength={200} value={form.name} onChange={set("name")} />
      </Field>
      <Field label={t("assistant.fields.placeKind")} error={errors.type}>
        <Select value={form.type} onChange={set("type")}>
          <KindOptions kinds={PLACE_TYPES} current={form.type} labels="assistant.placeTypes" />
        </Select>
      </Field>
      <Field label={t("assistant.fields.address")} optional error={errors.address}>
        <Input maxLength={500} value={form.address} onChange={set("address")} />
      </Field>
      <Field label={t("assistant.fields.city")} optional error={errors.city}>
        <Input maxLength={200} value={form.city} onChange={set("city")} />
      </Field>
      <Field label={t("assistant.fields.country")} optional error={errors.country}>
        <Input maxLength={200} value={form.country} onChange={set("country")} />
      </Field>
    </AddForm>
  );
};

export const PlacesTab = () => {
  const places = usePlaces();
  return (
    <EntitySection kind="place" form={(close) => <PlaceForm close={close} />}>
      <EntityList query={places} kind="place">
        {(place) => (
          <EntityRow
            kind="place"
            id={place.id}
            title={place.name}
            aside={<Badge>{enumLabel("assistant.placeTypes", place.type)}</Badge>}
          >
            <p className="text-sm text-slate-600">
              {[place.address, place.city, place.country].filter(Boolean).join(", ") || "\u00a0"}
            </p>
          </EntityRow>
        )}
      </EntityList>
    </EntitySection>
  );
};
