import type { TApiCatalog } from "./api-messages.ts";

/**
 * The API's messages in German, keyed by the exact English the API writes (it keeps answering in English
 * for its other clients). `api-messages.test.ts` scans the API's and the contracts' sources and fails for
 * a message missing here.
 */
const messages: Record<string, string> = {
  "A month (2026-11) or an ISO week (2026-W47)": "Ein Monat (2026-11) oder eine ISO-Woche (2026-W47)",
  "A period is a month (2026-11) or an ISO week (2026-W47).":
    "Ein Zeitraum ist ein Monat (2026-11) oder eine ISO-Woche (2026-W47).",
  "A referenced record was not found.": "Ein verknüpfter Eintrag wurde nicht gefunden.",
  "A reply in this conversation is still being written.": "In diesem Gespräch wird noch eine Antwort geschrieben.",
  "A task cannot be its own parent or ancestor.": "Eine Aufgabe kann nicht ihre eigene übergeordnete Aufgabe sein.",
  "A value is out of its allowed range.": "Ein Wert liegt außerhalb des erlaubten Bereichs.",
  "An account with this email already exists.": "Es gibt schon ein Konto mit dieser E-Mail-Adresse.",
  "An event cannot end before it starts.": "Ein Termin kann nicht enden, bevor er beginnt.",
  "An http:// or https:// URL, without a user name or password in it.":
    "Eine http://- oder https://-URL, ohne Benutzernamen oder Passwort darin.",
  "At most six decimals": "Höchstens sechs Nachkommastellen",
  "Calendars are connected in a signed-in browser.": "Kalender verbindest du in einem angemeldeten Browser.",
  "Confirm the OCR result first (POST /analysis-sessions/{id}/ocr-result/confirm).":
    "Bestätige zuerst den erkannten Text (POST /analysis-sessions/{id}/ocr-result/confirm).",
  "Confirm this with a code from your authenticator app (POST /auth/two-factor/verify) or a passkey (POST /auth/two-factor/passkey), then try again.":
    "Bestätige das mit einem Code aus deiner Authenticator-App (POST /auth/two-factor/verify) oder einem Passkey (POST /auth/two-factor/passkey) und versuche es dann noch einmal.",
  "Confirm with your password to delete your account.": "Bestätige mit deinem Passwort, um dein Konto zu löschen.",
  "Cross-site request refused (CSRF check): send it from the Cto web app.":
    "Websiteübergreifende Anfrage abgelehnt (CSRF-Prüfung): Sende sie aus der Cto-Web-App.",
  "Enter the code.": "Gib den Code ein.",
  "Must be Unix milliseconds between 0001-01-01 and 9999-12-31 (UTC).":
    "Muss eine Unix-Zeit in Millisekunden zwischen 0001-01-01 und 9999-12-31 (UTC) sein.",
  "Must be a finite number.": "Muss eine endliche Zahl sein.",
  "Must not be blank": "Darf nicht leer sein",
  "Must not contain a NUL character (\\u0000) or an unpaired UTF-16 surrogate.":
    "Darf kein NUL-Zeichen (\\u0000) und kein einzelnes UTF-16-Surrogat enthalten.",
  "Must not repeat a model": "Kein Modell darf doppelt vorkommen",
  "Must not repeat an item": "Kein Eintrag darf doppelt vorkommen",
  "Name at least one of paused, weekday, hour.": "Gib mindestens eines von paused, weekday, hour an.",
  "Name each day once.": "Nenne jeden Tag nur einmal.",
  "Name it.": "Gib ihm einen Namen.",
  "No screenshot has been uploaded for this session.": "Für diese Sitzung wurde kein Screenshot hochgeladen.",
  "No such API key.": "Diesen API-Schlüssel gibt es nicht.",
  "No such analysis message.": "Diese Nachricht der Analyse gibt es nicht.",
  "No such assumption.": "Diese Annahme gibt es nicht.",
  "No such calendar.": "Diesen Kalender gibt es nicht.",
  "No such connected account.": "Dieses verbundene Konto gibt es nicht.",
  "No such conversation.": "Dieses Gespräch gibt es nicht.",
  "No such document.": "Dieses Dokument gibt es nicht.",
  "No such explanation.": "Diese Erklärung gibt es nicht.",
  "No such linked account.": "Dieses verknüpfte Konto gibt es nicht.",
  "No such message in this conversation.": "Diese Nachricht gibt es in diesem Gespräch nicht.",
  "No such message.": "Diese Nachricht gibt es nicht.",
  "No such passkey.": "Diesen Passkey gibt es nicht.",
  "No such post.": "Diesen Beitrag gibt es nicht.",
  "No such reply to this message.": "Diese Antwort auf die Nachricht gibt es nicht.",
  "No such routine.": "Diese Routine gibt es nicht.",
  "No such schedule.": "Diesen Zeitplan gibt es nicht.",
  "No such session.": "Diese Sitzung gibt es nicht.",
  "No such user.": "Diesen Benutzer gibt es nicht.",
  "Not a known IANA timezone, e.g. Europe/Berlin.": "Keine bekannte IANA-Zeitzone, z. B. Europe/Berlin.",
  "Not found.": "Nicht gefunden.",
  "OCR item ids must be unique.": "Die IDs der erkannten Textstücke müssen eindeutig sein.",
  "Only PDF, Word (.docx), Markdown (.md) and plain text (.txt) documents are accepted":
    "Nur Dokumente als PDF, Word (.docx), Markdown (.md) und reiner Text (.txt) werden angenommen",
  "Only PNG, JPEG and WebP screenshots are accepted, and this file is none of them.":
    "Nur Screenshots als PNG, JPEG und WebP werden angenommen, und diese Datei ist nichts davon.",
  "Only screenshot sessions take a screenshot; this one is a text session.":
    "Nur Screenshot-Sitzungen nehmen einen Screenshot an; diese ist eine Text-Sitzung.",
  "Only the latest message of a conversation can be retried.":
    "Nur die letzte Nachricht eines Gesprächs kann erneut versucht werden.",
  "Only the reply to the latest message can be regenerated.":
    "Nur die Antwort auf die letzte Nachricht kann neu erzeugt werden.",
  "Only your own messages can be edited.": "Du kannst nur deine eigenen Nachrichten bearbeiten.",
  "Passkeys need a signed-in session, not an API key.":
    "Passkeys brauchen eine angemeldete Sitzung, keinen API-Schlüssel.",
  "Pick at least one day.": "Wähle mindestens einen Tag.",
  "Publish this post first.": "Veröffentliche diesen Beitrag zuerst.",
  "Reports are written by the background worker, whose queue (Redis) is not reachable right now, so none can be made until it is back; scheduled reports wait for it too. Nothing was spent: try again once it runs.":
    "Berichte schreibt der Hintergrunddienst, dessen Warteschlange (Redis) gerade nicht erreichbar ist; bis sie wieder da ist, entsteht kein Bericht, auch geplante Berichte warten. Es wurde nichts verbraucht: Versuche es noch einmal, sobald er läuft.",
  Required: "Pflichtfeld",
  "Retrying needs the job queue (Redis), which is not available. Try again later.":
    "Ein neuer Versuch braucht die Warteschlange (Redis), die nicht verfügbar ist. Versuche es später noch einmal.",
  "Screenshot analysis needs the job queue (Redis), which is not available; nothing was stored. Try again later.":
    "Die Screenshot-Analyse braucht die Warteschlange (Redis), die nicht verfügbar ist; es wurde nichts gespeichert. Versuche es später noch einmal.",
  "Send isActive, role or both.": "Sende isActive, role oder beides.",
  "Send the export's conversations.json as application/json, or its ZIP file as application/zip.":
    "Sende die conversations.json des Exports als application/json oder seine ZIP-Datei als application/zip.",
  "Send the request body as JSON (Content-Type: application/json).":
    "Sende den Inhalt der Anfrage als JSON (Content-Type: application/json).",
  "Sign in again to link this provider.": "Melde dich erneut an, um diesen Anbieter zu verknüpfen.",
  "Sign in first, or send an API key as a bearer token.":
    "Melde dich zuerst an oder sende einen API-Schlüssel als Bearer-Token.",
  "Sign-in methods are managed in a signed-in browser.": "Anmeldemethoden verwaltest du in einem angemeldeten Browser.",
  "Something went wrong on our side.": "Bei uns ist etwas schiefgegangen.",
  "Start and end must differ.": "Beginn und Ende müssen sich unterscheiden.",
  "Start the set-up first (POST /auth/two-factor/totp).": "Starte zuerst die Einrichtung (POST /auth/two-factor/totp).",
  "Syncing is turned off for this calendar.": "Die Synchronisierung ist für diesen Kalender ausgeschaltet.",
  "Syncing needs the job queue, which is not set up here.":
    "Die Synchronisierung braucht die Warteschlange, die hier nicht eingerichtet ist.",
  "Telegram is already linked; unlink it first.": "Telegram ist schon verknüpft; trenne es zuerst.",
  "Telegram is not configured on this server (TELEGRAM_WEBHOOK_SECRET is unset).":
    "Telegram ist auf diesem Server nicht eingerichtet (TELEGRAM_WEBHOOK_SECRET ist nicht gesetzt).",
  "Telegram is not connected.": "Telegram ist nicht verbunden.",
  "That code is wrong or was already used; wait for the next one.":
    "Dieser Code ist falsch oder wurde schon verwendet; warte auf den nächsten.",
  "That recovery code is wrong or was already used.":
    "Dieser Wiederherstellungscode ist falsch oder wurde schon verwendet.",
  "The API key is invalid, expired or revoked.": "Der API-Schlüssel ist ungültig, abgelaufen oder widerrufen.",
  "The OCR could not be queued; the session stays in error. Try again shortly.":
    "Die Texterkennung konnte nicht eingeplant werden; die Sitzung bleibt im Fehlerzustand. Versuche es gleich noch einmal.",
  "The archive cannot be imported; see details.": "Das Archiv kann nicht importiert werden; siehe Details.",
  "The browser's answer is not a WebAuthn client data object.":
    "Die Antwort des Browsers ist kein WebAuthn-Client-Datenobjekt.",
  "The code is wrong or was already used.": "Der Code ist falsch oder wurde schon verwendet.",
  "The cursor is not valid.": "Der Cursor ist ungültig.",
  "The database is not reachable; try again shortly.":
    "Die Datenbank ist nicht erreichbar; versuche es gleich noch einmal.",
  "The document could not be stored; nothing was kept. Try again shortly.":
    "Das Dokument konnte nicht gespeichert werden; nichts wurde behalten. Versuche es gleich noch einmal.",
  "The document is empty.": "Das Dokument ist leer.",
  "The email or password is wrong.": "E-Mail-Adresse oder Passwort sind falsch.",
  "The export cannot be imported; see details. Nothing was imported.":
    "Der Export kann nicht importiert werden; siehe Details. Es wurde nichts importiert.",
  "The job queues are not configured: start the API with REDIS_URL pointing at Redis.":
    "Die Warteschlangen sind nicht eingerichtet: Starte die API mit REDIS_URL, das auf Redis zeigt.",
  "The multipart body could not be read.": "Der Multipart-Inhalt konnte nicht gelesen werden.",
  "The reminder time has already passed. Pick a time in the future, or leave the reminder empty.":
    "Der Erinnerungszeitpunkt ist schon vorbei. Wähle einen Zeitpunkt in der Zukunft oder lass die Erinnerung leer.",
  "The reply to this message is still being written.": "Die Antwort auf diese Nachricht wird noch geschrieben.",
  "The request body is nested too deep.": "Der Inhalt der Anfrage ist zu tief verschachtelt.",
  "The request has no document file.": "Die Anfrage enthält keine Dokumentdatei.",
  "The request has no screenshot file.": "Die Anfrage enthält keine Screenshot-Datei.",
  "The request is not valid; see details.": "Die Anfrage ist ungültig; siehe Details.",
  "The screenshot cannot be read right now; try again shortly.":
    "Der Screenshot kann gerade nicht gelesen werden; versuche es gleich noch einmal.",
  "The screenshot could not be queued for reading; nothing was changed. Try again shortly.":
    "Der Screenshot konnte nicht zum Lesen eingeplant werden; nichts wurde geändert. Versuche es gleich noch einmal.",
  "The screenshot could not be stored; nothing was changed. Try again shortly.":
    "Der Screenshot konnte nicht gespeichert werden; nichts wurde geändert. Versuche es gleich noch einmal.",
  "The screenshot file is empty.": "Die Screenshot-Datei ist leer.",
  "The screenshot is still being read; check and confirm its text first.":
    "Der Screenshot wird noch gelesen; prüfe und bestätige zuerst seinen Text.",
  "The session changed meanwhile; read it again.": "Die Sitzung hat sich inzwischen geändert; lade sie neu.",
  "The session changed while the screenshot was uploading; read it again.":
    "Die Sitzung hat sich während des Hochladens geändert; lade sie neu.",
  "The session changed while the suggestions were written; read it again.":
    "Die Sitzung hat sich geändert, während die Vorschläge geschrieben wurden; lade sie neu.",
  "The session has no messages to analyse yet; add the conversation (or confirm the OCR result) first.":
    "Die Sitzung hat noch keine Nachrichten zum Analysieren; füge zuerst das Gespräch hinzu (oder bestätige den erkannten Text).",
  "The stored screenshot cannot be read right now. Try again shortly.":
    "Der gespeicherte Screenshot kann gerade nicht gelesen werden. Versuche es gleich noch einmal.",
  "The sync could not be queued; try again shortly.":
    "Die Synchronisierung konnte nicht eingeplant werden; versuche es gleich noch einmal.",
  "The webhook secret token is missing or wrong.": "Das geheime Token des Webhooks fehlt oder ist falsch.",
  "There is no OCR result to confirm; PUT one or send the items.":
    "Es gibt keinen erkannten Text zu bestätigen; sende einen mit PUT oder schicke die Einträge.",
  "This account has been disabled by an administrator.": "Dieses Konto wurde von einem Administrator deaktiviert.",
  "This account has no passkey.": "Dieses Konto hat keinen Passkey.",
  "This already exists.": "Das gibt es schon.",
  "This calendar connection was not started in this browser, was already finished, or took too long; start again from Settings.":
    "Diese Kalenderverbindung wurde nicht in diesem Browser begonnen, ist schon abgeschlossen oder hat zu lange gedauert; fang in den Einstellungen neu an.",
  "This is the last active administrator; make another one first.":
    "Das ist der letzte aktive Administrator; ernenne zuerst einen weiteren.",
  "This is your only way to sign in. Set a password (Forgot password) or link another provider first.":
    "Das ist deine einzige Möglichkeit, dich anzumelden. Lege zuerst ein Passwort fest (Passwort vergessen) oder verknüpfe einen weiteren Anbieter.",
  "This message already has a reply.": "Diese Nachricht hat schon eine Antwort.",
  "This message has no reply to regenerate; retry it instead.":
    "Diese Nachricht hat keine Antwort, die neu erzeugt werden kann; versuche sie stattdessen erneut.",
  "This message's reply did not fail, so there is nothing to retry.":
    "Die Antwort auf diese Nachricht ist nicht fehlgeschlagen, es gibt also nichts erneut zu versuchen.",
  "This message's reply is not being written.": "Die Antwort auf diese Nachricht wird gerade nicht geschrieben.",
  "This needs an administrator.": "Dafür braucht es einen Administrator.",
  "This passkey is registered already.": "Dieser Passkey ist schon registriert.",
  "This passkey is your only way to sign in. Set a password (Forgot password), link a provider or add another passkey first.":
    "Dieser Passkey ist deine einzige Möglichkeit, dich anzumelden. Lege zuerst ein Passwort fest (Passwort vergessen), verknüpfe einen Anbieter oder füge einen weiteren Passkey hinzu.",
  "This passkey request has expired or was already used; start again.":
    "Diese Passkey-Anfrage ist abgelaufen oder wurde schon verwendet; fang neu an.",
  "This provider account already signs in to another Cto account.":
    "Dieses Anbieterkonto meldet schon bei einem anderen Cto-Konto an.",
  "This record cannot be changed.": "Dieser Eintrag kann nicht geändert werden.",
  "This reset link is invalid, used or expired; ask for a new one.":
    "Dieser Link zum Zurücksetzen ist ungültig, verwendet oder abgelaufen; fordere einen neuen an.",
  "This schedule runs every day; it has no weekday.": "Dieser Zeitplan läuft jeden Tag; er hat keinen Wochentag.",
  "This session has no stored screenshot; upload one (after moving it to pending_user_input).":
    "Diese Sitzung hat keinen gespeicherten Screenshot; lade einen hoch (nachdem du sie auf pending_user_input gesetzt hast).",
  "This sign-in has expired or was already completed; sign in with your password again.":
    "Diese Anmeldung ist abgelaufen oder schon abgeschlossen; melde dich erneut mit deinem Passwort an.",
  "This unsubscribe link is invalid or has expired. Turn nudge emails off in Settings instead.":
    "Dieser Abmeldelink ist ungültig oder abgelaufen. Schalte die Erinnerungs-E-Mails stattdessen in den Einstellungen aus.",
  "This verification link is invalid or expired.": "Dieser Bestätigungslink ist ungültig oder abgelaufen.",
  "Two-factor settings need a signed-in session, not an API key.":
    "Die Zwei-Faktor-Einstellungen brauchen eine angemeldete Sitzung, keinen API-Schlüssel.",
  "Two-factor sign-in is already on.": "Die Zwei-Faktor-Anmeldung ist schon eingeschaltet.",
  "Two-factor sign-in is already on; turn it off first.":
    "Die Zwei-Faktor-Anmeldung ist schon eingeschaltet; schalte sie zuerst aus.",
  "Two-factor sign-in is off for this account.": "Die Zwei-Faktor-Anmeldung ist für dieses Konto ausgeschaltet.",
  "Use 24-hour HH:MM, e.g. 09:00.": "Verwende 24 Stunden als HH:MM, z. B. 09:00.",
  "Use at least 10 characters.": "Verwende mindestens 10 Zeichen.",
  "You cannot disable or demote your own account; another administrator can.":
    "Du kannst dein eigenes Konto nicht deaktivieren oder herabstufen; ein anderer Administrator kann das.",
  "Your email address is already verified.": "Deine E-Mail-Adresse ist schon bestätigt.",
  "Your provider did not confirm an email address, so no account can be made or found with it. Sign in another way, then link it in Settings.":
    "Dein Anbieter hat keine E-Mail-Adresse bestätigt, daher kann damit kein Konto angelegt oder gefunden werden. Melde dich anders an und verknüpfe ihn dann in den Einstellungen.",
  "The answer names another credential.": "Die Antwort nennt einen anderen Passkey.",
  "The passkey could not be checked.": "Der Passkey konnte nicht geprüft werden.",
  "The passkey's answer could not be checked.": "Die Antwort des Passkeys konnte nicht geprüft werden.",
  "This passkey answered twice at once; try again.":
    "Dieser Passkey hat zweimal gleichzeitig geantwortet; versuche es noch einmal.",
  "This passkey is not one of this account's (it may have been deleted).":
    "Dieser Passkey gehört nicht zu diesem Konto (vielleicht wurde er gelöscht).",
  "Too many accounts created from your address; try again later.":
    "Zu viele Konten von deiner Adresse angelegt; versuche es später noch einmal.",
  "Too many emails asked for this address; try again later.":
    "Zu viele E-Mails für diese Adresse angefordert; versuche es später noch einmal.",
  "Too many failed sign-ins for this account; try again later, or reset your password.":
    "Zu viele fehlgeschlagene Anmeldungen für dieses Konto; versuche es später noch einmal oder setze dein Passwort zurück.",
  "Too many requests from your address; try again later.":
    "Zu viele Anfragen von deiner Adresse; versuche es später noch einmal.",
  "Too many wrong codes for this account; try again later.":
    "Zu viele falsche Codes für dieses Konto; versuche es später noch einmal.",
  "a conversation needs an id or conversation_id": "ein Gespräch braucht eine id oder conversation_id",
  "a file is required": "eine Datei ist erforderlich",
  "a message of the coach, not yours": "eine Nachricht des Coaches, nicht deine",
  "a month (YYYY-MM) or an ISO week (YYYY-Www)": "ein Monat (JJJJ-MM) oder eine ISO-Woche (JJJJ-Www)",
  "a screenshot key made by the API": "ein Screenshot-Schlüssel, den die API erzeugt hat",
  "an entity cannot be related to itself": "ein Eintrag kann nicht mit sich selbst verbunden sein",
  base64url: "base64url-codiert",
  "empty file": "leere Datei",
  "expiresAt must be in the future.": "expiresAt muss in der Zukunft liegen.",
  "from must be before to": "from muss vor to liegen",
  "is not a time between the year 2000 and today": "ist kein Zeitpunkt zwischen dem Jahr 2000 und heute",
  "must be a JSON value, not null": "muss ein JSON-Wert sein, nicht null",
  "must be an ISO 8601 instant in UTC, as the export writes it (2025-01-31T09:30:00.000Z), between years 1 and 9999":
    "muss ein ISO-8601-Zeitpunkt in UTC sein, wie der Export ihn schreibt (2025-01-31T09:30:00.000Z), zwischen den Jahren 1 und 9999",
  "must be in the future": "muss in der Zukunft liegen",
  "must not be before startsAt": "darf nicht vor startsAt liegen",
  "no recorded action for this message": "keine aufgezeichnete Aktion für diese Nachricht",
  "not a message of yours in this conversation": "keine deiner Nachrichten in diesem Gespräch",
  "not a period": "kein Zeitraum",
  "not a row of this list; use nextCursor of the previous page":
    "keine Zeile dieser Liste; verwende nextCursor der vorigen Seite",
  "not allowed on your own account": "bei deinem eigenen Konto nicht erlaubt",
  "not found": "nicht gefunden",
  "not one of the coach's replies to this message": "keine der Antworten des Coaches auf diese Nachricht",
  "only the weekly schedules take a weekday": "nur wöchentliche Zeitpläne haben einen Wochentag",
  "trusting every hop lets any client choose its address; give a hop count or the proxies' addresses":
    "jedem Hop zu vertrauen lässt jeden Client seine Adresse wählen; gib eine Anzahl an Hops oder die Adressen der Proxys an",
  "would make the task its own ancestor": "würde die Aufgabe zu ihrer eigenen übergeordneten Aufgabe machen",
  // What went wrong with the AI provider (describeProviderFailure), inside "{0}: {1}. Try again in a moment."
  "The story could not be written": "Die Geschichte konnte nicht geschrieben werden",
  "Search is unavailable right now": "Die Suche ist gerade nicht verfügbar",
  "the AI provider did not answer in time": "der KI-Anbieter hat nicht rechtzeitig geantwortet",
  "the AI provider is limiting requests right now": "der KI-Anbieter begrenzt gerade die Anfragen",
  "the AI provider refused the request": "der KI-Anbieter hat die Anfrage abgelehnt",
  "the AI provider could not be reached": "der KI-Anbieter war nicht erreichbar",
  "the AI provider sent an answer Cto could not use":
    "der KI-Anbieter hat eine Antwort geschickt, mit der Cto nichts anfangen kann",
};

/** Messages with values in them: `{0}`, `{1}` stand for the values, in the order the English has them. */
const patterns: [string, string][] = [
  [
    "A screenshot can be uploaded while the session is pending_user_input or previewing_screenshot; it is {0}.",
    "Ein Screenshot kann hochgeladen werden, solange die Sitzung pending_user_input oder previewing_screenshot ist; sie ist {0}.",
  ],
  ["A {0} session cannot move from {1} to {2}.", "Eine Sitzung vom Typ {0} kann nicht von {1} zu {2} wechseln."],
  [
    "API version {0} is not served here; this server speaks version {1} (/v{2}/… or unversioned paths).",
    "API-Version {0} wird hier nicht angeboten; dieser Server spricht Version {1} (/v{2}/… oder Pfade ohne Version).",
  ],
  [
    "An account has at most {0} passkeys; delete one first.",
    "Ein Konto hat höchstens {0} Passkeys; lösche zuerst einen.",
  ],
  [
    "Calendars are fetched from the public internet only: {0}.",
    "Kalender werden nur aus dem öffentlichen Internet abgerufen: {0}.",
  ],
  [
    "Connecting {0} calendars is not set up on this server.",
    "Das Verbinden von {0}-Kalendern ist auf diesem Server nicht eingerichtet.",
  ],
  ["Key longer than {0} characters.", "Schlüssel länger als {0} Zeichen."],
  ["Key: {0}", "Schlüssel: {0}"],
  ["Larger than {0} bytes as JSON.", "Größer als {0} Bytes als JSON."],
  ["More than {0} keys in all.", "Insgesamt mehr als {0} Schlüssel."],
  ["Nested deeper than {0} levels.", "Tiefer verschachtelt als {0} Ebenen."],
  ["No route {0} {1}.", "Keine Route {0} {1}."],
  ['No sign-in provider "{0}" is configured.', 'Kein Anmeldeanbieter "{0}" ist eingerichtet.'],
  ["No such {0}.", "Nicht gefunden: {0}."],
  [
    "Only a screenshot session in error can retry its OCR; it is {0}, {1}.",
    "Nur eine Screenshot-Sitzung im Fehlerzustand kann die Texterkennung wiederholen; sie ist {0}, {1}.",
  ],
  [
    'Send the document as multipart/form-data, the file in a part named "{0}".',
    'Sende das Dokument als multipart/form-data, die Datei in einem Teil namens "{0}".',
  ],
  [
    'Send the screenshot as multipart/form-data, the image in a part named "{0}".',
    'Sende den Screenshot als multipart/form-data, das Bild in einem Teil namens "{0}".',
  ],
  [
    "Something went wrong on our side {0}. Your message is saved.",
    "Bei uns ist etwas schiefgegangen ({0}). Deine Nachricht ist gespeichert.",
  ],
  [
    "Suggestions need a session in analysis or complete; this {0} session is {1}.",
    "Vorschläge brauchen eine Sitzung in analysis oder complete; diese Sitzung vom Typ {0} ist {1}.",
  ],
  ["The AI provider failed: {0}", "Der KI-Anbieter ist gescheitert: {0}"],
  [
    "The OCR result can only be changed or confirmed while the session is verifying_ocr; it is {0}.",
    "Der erkannte Text kann nur geändert oder bestätigt werden, solange die Sitzung verifying_ocr ist; sie ist {0}.",
  ],
  [
    "The document is larger than {0} MB ({1} bytes); upload a smaller file or split it.",
    "Das Dokument ist größer als {0} MB ({1} Bytes); lade eine kleinere Datei hoch oder teile sie auf.",
  ],
  ['The model "{0}" is not offered here.', 'Das Modell "{0}" wird hier nicht angeboten.'],
  ["The request body is larger than {0} bytes.", "Der Inhalt der Anfrage ist größer als {0} Bytes."],
  ["The screenshot is larger than {0} bytes.", "Der Screenshot ist größer als {0} Bytes."],
  [
    "The screenshot is {0}×{1} pixels; at most {2} on each side.",
    "Der Screenshot hat {0}×{1} Pixel; höchstens {2} auf jeder Seite.",
  ],
  [
    "This account already holds data ({0}); import needs an empty account.",
    "Dieses Konto enthält schon Daten ({0}); ein Import braucht ein leeres Konto.",
  ],
  [
    "This server speaks API version {0}; {1} is not one it serves.",
    "Dieser Server spricht API-Version {0}; {1} bietet er nicht an.",
  ],
  [
    "Today's AI budget of {0} tokens is spent; it resets at midnight UTC.",
    "Das heutige KI-Budget von {0} Tokens ist aufgebraucht; es wird um Mitternacht UTC zurückgesetzt.",
  ],
  ["Unknown kinds: {0}", "Unbekannte Arten: {0}"],
  ["You already have a story for {0}.", "Du hast schon eine Geschichte für {0}."],
  [
    "You have connected {0} calendars, the most there can be; disconnect one first.",
    "Du hast {0} Kalender verbunden, mehr geht nicht; trenne zuerst einen.",
  ],
  [
    "You have used today's {0} AI generations; more are available after {1}.",
    "Du hast die {0} KI-Erzeugungen für heute verbraucht; weitere gibt es nach {1}.",
  ],
  [
    "You keep {0} documents, the most there can be; delete one before uploading another.",
    "Du hast {0} Dokumente, mehr geht nicht; lösche eines, bevor du ein weiteres hochlädst.",
  ],
  [
    "You keep {0} routines, the most there can be; delete one first.",
    "Du hast {0} Routinen, mehr geht nicht; lösche zuerst eine.",
  ],
  ["lowercase snake, e.g. {0}", "kleingeschrieben mit Unterstrichen, z. B. {0}"],
  ["must be a decimal below {0} in magnitude", "muss eine Dezimalzahl mit Betrag unter {0} sein"],
  ["must be between {0} and {1}", "muss zwischen {0} und {1} liegen"],
  [
    "not a hop count, an IP address, a CIDR range or loopback/linklocal/uniquelocal: {0}",
    "keine Anzahl an Hops, keine IP-Adresse, kein CIDR-Bereich und nicht loopback/linklocal/uniquelocal: {0}",
  ],
  [
    "refused by the database ({0}); nothing was imported",
    "von der Datenbank abgelehnt ({0}); es wurde nichts importiert",
  ],
  ["required in production: {0}", "im Produktivbetrieb erforderlich: {0}"],
  ["{0} Try again.", "{0} Versuche es noch einmal."],
  ["The passkey could not be checked: {0}", "Der Passkey konnte nicht geprüft werden: {0}"],
  ["The passkey's answer could not be checked: {0}", "Die Antwort des Passkeys konnte nicht geprüft werden: {0}"],
  ["the AI provider refused the request (HTTP {0})", "der KI-Anbieter hat die Anfrage abgelehnt (HTTP {0})"],
  ["the AI provider failed (HTTP {0})", "der KI-Anbieter ist gescheitert (HTTP {0})"],
  [
    "{0} cannot be reached right now; try again later.",
    "{0} ist gerade nicht erreichbar; versuche es später noch einmal.",
  ],
  ["{0} cannot be reached right now; try again.", "{0} ist gerade nicht erreichbar; versuche es noch einmal."],
  [
    "{0} did not confirm this connection; start again from Settings.",
    "{0} hat diese Verbindung nicht bestätigt; fang in den Einstellungen neu an.",
  ],
  ["{0} did not confirm this sign-in; start again.", "{0} hat diese Anmeldung nicht bestätigt; fang neu an."],
  [
    "{0} did not say whose calendar this is; try again.",
    "{0} hat nicht mitgeteilt, wessen Kalender das ist; versuche es noch einmal.",
  ],
  ["{0} does not point at one of your records.", "{0} verweist auf keinen deiner Einträge."],
  ["{0} is not allowed here.", "{0} ist hier nicht erlaubt."],
  ["{0} more problems not listed", "{0} weitere Probleme nicht aufgeführt"],
  ["{0} {1}. Your message is saved.", "{0} ({1}). Deine Nachricht ist gespeichert."],
  ["{0}: {1}. Try again in a moment.", "{0}: {1}. Versuche es gleich noch einmal."],
  ['{0}; "{1}" files are not.', '{0}; "{1}"-Dateien nicht.'],
  ["{0}; this file is not UTF-8 text.", "{0}; diese Datei ist kein UTF-8-Text."],
  ["{0}; this is a ZIP archive that is not a Word document.", "{0}; das ist ein ZIP-Archiv, aber kein Word-Dokument."],
  [
    "{0}; this looks like an older Word or Office file (.doc): save it as .docx and upload that.",
    "{0}; das sieht nach einer älteren Word- oder Office-Datei (.doc) aus: Speichere sie als .docx und lade diese hoch.",
  ],
  ["{0}Id does not point at one of your {1} records.", "{0}Id verweist auf keinen deiner Einträge vom Typ {1}."],
];

// What zod (v4) writes when a schema gives no message of its own; its `.min(1)` on a string is "Too small:
// expected string to have >=1 characters".
const TYPES: Record<string, string> = {
  string: "Text",
  number: "Zahl",
  int: "ganze Zahl",
  boolean: "Wahrheitswert",
  array: "Liste",
  object: "Objekt",
  date: "Datum",
  undefined: "nichts",
  null: "null",
  bigint: "Zahl",
  NaN: "keine Zahl",
};
const UNITS: Record<string, [one: string, many: string]> = {
  characters: ["Zeichen", "Zeichen"],
  items: ["Eintrag", "Einträge"],
  entries: ["Eintrag", "Einträge"],
  bytes: ["Byte", "Bytes"],
};
const FORMATS: Record<string, string> = {
  "email address": "Ungültige E-Mail-Adresse",
  URL: "Ungültige URL",
  UUID: "Ungültige UUID",
  "ISO datetime": "Ungültiges Datum mit Uhrzeit (ISO)",
  "ISO date": "Ungültiges Datum (ISO)",
  "ISO time": "Ungültige Uhrzeit (ISO)",
  "ISO duration": "Ungültige Dauer (ISO)",
  input: "Ungültige Eingabe",
};
const type = (name: string) => TYPES[name] ?? name;
const amount = (count: string, unit: string) => `${count} ${UNITS[unit]?.[count === "1" ? 0 : 1] ?? unit}`;
const BOUNDS = { "<=": "höchstens", "<": "weniger als", ">=": "mindestens", ">": "mehr als", "exactly ": "genau" };
const bound = (adjective: string) => BOUNDS[adjective as keyof typeof BOUNDS] ?? adjective;

const zod: [RegExp, (...values: string[]) => string][] = [
  [
    /^Too (big|small): expected (\w+) to have (<=|<|>=|>|exactly )(\S+) (\w+)$/,
    (size, _origin, adjective, count, unit) =>
      size === "small" && adjective === ">=" && count === "1" && unit === "characters"
        ? "Darf nicht leer sein"
        : `${size === "big" ? "Zu lang" : "Zu kurz"}: ${bound(adjective)} ${amount(count, unit)}`,
  ],
  [
    /^Too (big|small): expected (\w+) to be (<=|<|>=|>|exactly )(\S+)$/,
    (size, _origin, adjective, limit) => `${size === "big" ? "Zu groß" : "Zu klein"}: ${bound(adjective)} ${limit}`,
  ],
  [
    /^Invalid input: expected (\w+), received (\w+)$/,
    (expected, received) =>
      received === "undefined"
        ? `Fehlt: erwartet ${type(expected)}`
        : `Ungültig: erwartet ${type(expected)}, erhalten ${type(received)}`,
  ],
  [/^Invalid input: expected (.+)$/, (value) => `Ungültige Eingabe: erwartet ${value}`],
  [/^Invalid option: expected one of (.+)$/, (values) => `Ungültige Auswahl: erwartet eines von ${values}`],
  [/^Invalid string: must match pattern (.+)$/, (pattern) => `Ungültiger Text: muss dem Muster ${pattern} entsprechen`],
  [/^Invalid string: must start with "(.*)"$/, (prefix) => `Ungültiger Text: muss mit "${prefix}" beginnen`],
  [/^Invalid string: must end with "(.*)"$/, (suffix) => `Ungültiger Text: muss mit "${suffix}" enden`],
  [/^Invalid string: must include "(.*)"$/, (part) => `Ungültiger Text: muss "${part}" enthalten`],
  [
    /^Invalid number: must be a multiple of (\S+)$/,
    (divisor) => `Ungültige Zahl: muss ein Vielfaches von ${divisor} sein`,
  ],
  [/^Unrecognized keys?: (.+)$/, (keys) => `Unbekannte Angabe: ${keys}`],
  [/^Invalid key in (\w+)$/, (origin) => `Ungültiger Schlüssel in ${type(origin)}`],
  [/^Invalid value in (\w+)$/, (origin) => `Ungültiger Wert in ${type(origin)}`],
  [/^Invalid discriminator value\. Expected (.+)$/, (options) => `Ungültige Art: erwartet ${options}`],
  [/^Invalid input: more than one option matched$/, () => "Ungültige Eingabe: mehr als eine Möglichkeit passt"],
  [/^Invalid input$/, () => "Ungültige Eingabe"],
  [new RegExp(`^Invalid (${Object.keys(FORMATS).join("|")})$`), (format) => FORMATS[format]!],
];

export const de: TApiCatalog = { messages, patterns, zod };
