"""Every fixed phrase the product says, in English and Swedish: one table, one lookup.

Answer sentences (``bot.compose``), Slack replies (``bot.slack.messages``) and the terminal all
take their words from here, so a phrase is translated once and the two interfaces cannot word
the same thing differently. Keys are grouped by where they are used; values are
``str.format`` templates. A phrase missing in a language falls back to English."""
from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    # -- answer sentences: bot.compose -------------------------------------------------------------
    "undated_meeting": {"en": "an undated meeting", "sv": "ett odaterat möte"},
    "and": {"en": " and ", "sv": " och "},
    "meeting_of": {"en": "the meeting of {date}", "sv": "mötet {date}"},
    "for_when": {"en": " for {when}", "sv": " för {when}"},
    "attended_n": {"en": "{n} people attended {label}", "sv": "{n} personer deltog på {label}"},
    "attended_1": {"en": "1 person attended {label}", "sv": "1 person deltog på {label}"},
    "group_count": {
        "en": "The minutes of {label} do not record how many attended, only the group: {group}.",
        "sv": "Protokollet från {label} anger inte hur många som deltog, bara gruppen: {group}.",
    },
    "group_only": {
        "en": "The minutes of {label} record attendance only as a group: {group}.",
        "sv": "Protokollet från {label} anger närvaron bara som en grupp: {group}.",
    },
    "organisations": {"en": "Represented at {label}: {orgs}.", "sv": "Representerade på {label} var: {orgs}."},
    "no_attendance": {
        "en": "I found no attendance list{when} in the minutes.",
        "sv": "Jag hittar ingen deltagarlista{when} i protokollen.",
    },
    "person_meetings": {
        "en": "{name} is listed as attending {n} meetings: {labels}.",
        "sv": "{name} finns med som deltagare på {n} möten: {labels}.",
    },
    "person_meetings_1": {
        "en": "{name} is listed as attending 1 meeting: {labels}.",
        "sv": "{name} finns med som deltagare på 1 möte: {labels}.",
    },
    "person_not_attending": {
        "en": "{name} is not listed as attending any meeting.",
        "sv": "{name} finns inte med i någon deltagarlista.",
    },
    "person_search": {
        "en": "About {name}, the minutes of {label} say: {quote}",
        "sv": "Om {name} står det i protokollet från {label}: {quote}",
    },
    "role_chair": {"en": "{name} chaired {label}.", "sv": "{name} var ordförande på {label}."},
    "role_secretary": {"en": "{name} was secretary of {label}.", "sv": "{name} var sekreterare på {label}."},
    "no_role_chair": {"en": "The minutes{when} name no chair.", "sv": "Protokollen{when} anger ingen ordförande."},
    "no_role_secretary": {
        "en": "The minutes{when} name no secretary.",
        "sv": "Protokollen{when} anger ingen sekreterare.",
    },
    "next_upcoming": {
        "en": "The next meeting is on {date}, according to the minutes of {said}.",
        "sv": "Nästa möte är {date}, enligt protokollet från {said}.",
    },
    "next_passed": {
        "en": "The last announced meeting was on {date} (in the minutes of {said}); "
              "that date has passed and no later meeting has been announced.",
        "sv": "Det senast utannonserade mötet var {date} (enligt protokollet från {said}); "
              "det datumet har passerat och inget senare möte är utannonserat.",
    },
    "next_vague": {
        "en": "The minutes of {said} say about the next meeting: {quote}",
        "sv": "Protokollet från {said} säger om nästa möte: {quote}",
    },
    "no_next_meeting": {"en": "No minutes say when the next meeting is.", "sv": "Inget protokoll anger när nästa möte är."},
    "search": {"en": "According to the minutes of {label}: {quote}", "sv": "Enligt protokollet från {label}: {quote}"},
    "offtopic": {
        "en": "I couldn't find anything about that in the minutes.",
        "sv": "Jag hittar inget om det i protokollen.",
    },
    "no_meeting_in": {"en": "There are no minutes from {when}.", "sv": "Det finns inga protokoll från {when}."},
    # collections (bot/collections.py): the body a question named; nothing to answer from here
    "from_collection": {"en": "From the minutes of {name}: ", "sv": "Ur protokollen för {name}: "},
    "no_minutes_here": {
        "en": "There are no minutes I can answer from here.",
        "sv": "Det finns inga protokoll jag kan svara ur här.",
    },
    "typo_read_as": {"en": "I read '{typo}' as '{word}'.", "sv": "Jag läste '{typo}' som '{word}'."},
    # -- why nothing was found: bot.intents.not_found, bot.engine ----------------------------------
    "skipped_file": {
        "en": "The minutes that may hold this, {file}{more}, could not be read ({reason}).",
        "sv": "Protokollet som kan innehålla det, {file}{more}, gick inte att läsa ({reason}).",
    },
    "and_more_files": {"en": " and {n} more", "sv": " och {n} till"},
    "unknown_words": {
        "en": "The minutes never use the words {words}, nor any translation of them I know.",
        "sv": "Protokollen använder aldrig orden {words}, inte heller någon översättning jag känner till.",
    },
    "unknown_word": {
        "en": "The minutes never use the word {words}, nor any translation of it I know.",
        "sv": "Protokollen använder aldrig ordet {words}, inte heller någon översättning jag känner till.",
    },
    # -- warnings on an answer: bot/service.py (the corpus folder gone) -----------------------------
    "corpus_missing": {
        "en": "The minutes folder is missing (an unmounted share?): this answer comes from the index of {built}, {meetings} meetings.",
        "sv": "Protokollmappen saknas (en utdelning som inte är monterad?): svaret kommer från indexet från {built}, {meetings} möten.",
    },
    "corpus_not_a_folder": {
        "en": "The minutes folder is not a folder: this answer comes from the index of {built}, {meetings} meetings.",
        "sv": "Protokollmappen är ingen mapp: svaret kommer från indexet från {built}, {meetings} möten.",
    },
    "corpus_empty": {
        "en": "The minutes folder is empty (an unmounted share?): this answer comes from the index of {built}, {meetings} meetings.",
        "sv": "Protokollmappen är tom (en utdelning som inte är monterad?): svaret kommer från indexet från {built}, {meetings} möten.",
    },
    # -- notes on an answer: bot.long_question ----------------------------------------------------
    "long_question_questions": {
        "en": "The question was {total} characters long; I read only its questions ({kept} characters).",
        "sv": "Frågan var {total} tecken lång; jag läste bara dess frågor ({kept} tecken).",
    },
    "long_question_start": {
        "en": "The question was {total} characters long; I read only the first {kept}.",
        "sv": "Frågan var {total} tecken lång; jag läste bara de första {kept}.",
    },
    "highlight_label": {"en": "→ answers:", "sv": "→ svarar:"},  # bot.render_text: the sentence that answers
    "question_not_utf8": {  # bot.cli_input: a terminal or file in another encoding
        "en": "The question was not UTF-8; I read it as {codec}.",
        "sv": "Frågan var inte UTF-8; jag läste den som {codec}.",
    },
    "unsupported_language": {
        "en": "I answer questions in English or Swedish only, and this looks like {language}.",
        "sv": "Jag svarar bara på frågor på svenska eller engelska, och det här ser ut att vara {language}.",
    },
    "no_organisations": {
        "en": "The attendee lists{when} record no organisations (only names and roles).",
        "sv": "Deltagarlistorna{when} anger inga organisationer (bara namn och roller).",
    },
    "absent_from": {"en": "Absent from {label}: {names}.", "sv": "Frånvarande på {label}: {names}."},
    "invited_not_present": {"en": "Invited but not present: {names}.", "sv": "Kallade men inte närvarande: {names}."},
    "invited_not_present_at": {
        "en": "Invited but not present at {label}: {names}.",
        "sv": "Kallade men inte närvarande på {label}: {names}.",
    },
    "all_present": {"en": "Everyone invited attended {label}.", "sv": "Alla kallade var närvarande på {label}."},
    "no_absence": {
        "en": "The minutes{when} record no absentees or invitees.",
        "sv": "Protokollen{when} anger inga frånvarande eller kallade.",
    },
    "last_meeting_held": {"en": "The last meeting in the minutes is {label}.",
                          "sv": "Det senaste mötet i protokollen är {label}."},
    "meetings_held": {"en": "The minutes are of {labels}.", "sv": "Protokollen gäller {labels}."},
    "ask_a_question": {
        "en": "Ask a question about the minutes, e.g. “who attended the last meeting?”",
        "sv": "Ställ en fråga om protokollen, till exempel ”vem deltog på senaste mötet?”",
    },
    "person_not_absent": {
        "en": "{name} is not recorded as absent from any meeting.",
        "sv": "{name} står inte som frånvarande i något protokoll.",
    },
    # -- records: decisions, actions, role holders, digests ----------------------------------------
    "outcome_approved": {"en": "approved", "sv": "bifölls"},
    "outcome_rejected": {"en": "voted down", "sv": "avslogs"},
    "outcome_tabled": {"en": "tabled", "sv": "bordlades"},
    "outcome_referred_back": {"en": "referred back", "sv": "återremitterades"},
    "outcome_noted": {"en": "noted", "sv": "lades till handlingarna"},
    "outcome_decided": {"en": "decided", "sv": "beslutades"},
    "outcome_withdrawn": {"en": "withdrawn", "sv": "drogs tillbaka"},
    "decided_at": {"en": "At {label}: {items}.", "sv": "På {label}: {items}."},
    "decision_item": {"en": "{outcome} {text}", "sv": "{text} {outcome}"},
    "reserved": {"en": " ({names} entered a reservation)", "sv": " ({names} reserverade sig)"},
    "no_decisions": {"en": "The minutes of {label} record no decisions.",
                     "sv": "Protokollet från {label} anger inga beslut."},
    "no_decisions_tabled": {"en": "The minutes of {label} record nothing tabled.",
                            "sv": "Protokollet från {label} anger inget bordlagt ärende."},
    "no_decisions_rejected": {"en": "The minutes of {label} record nothing voted down.",
                              "sv": "Protokollet från {label} anger inget avslaget förslag."},
    "no_decisions_reservation": {"en": "The minutes of {label} record no reservations.",
                                 "sv": "Protokollet från {label} anger inga reservationer."},
    # the same, asked of every meeting ("vem reserverade sig?" with no time)
    "no_decisions_any_tabled": {"en": "No meeting's minutes record anything tabled.",
                                "sv": "Inget protokoll anger något bordlagt ärende."},
    "no_decisions_any_rejected": {"en": "No meeting's minutes record anything voted down.",
                                  "sv": "Inget protokoll anger något avslaget förslag."},
    "no_decisions_any_reservation": {"en": "No meeting's minutes record a reservation.",
                                     "sv": "Inget protokoll anger någon reservation."},
    "action_line": {"en": "{owners}: {task}{due}{status}", "sv": "{owners}: {task}{due}{status}"},
    "action_due": {"en": " (due {date})", "sv": " (klart {date})"},
    "action_status_open": {"en": ", open", "sv": ", öppen"},
    "action_status_overdue": {"en": ", overdue", "sv": ", försenad"},
    "action_status_ongoing": {"en": ", ongoing", "sv": ", pågår"},
    "action_status_not_started": {"en": ", not started", "sv": ", ej påbörjad"},
    "action_status_done": {"en": ", done", "sv": ", klar"},
    "action_status_dropped": {"en": ", dropped", "sv": ", struken"},
    "actions_from": {"en": "Action items from {label}: {items}.", "sv": "Uppdrag från {label}: {items}."},
    "open_actions": {"en": "Open action items: {items}.", "sv": "Öppna uppdrag: {items}."},
    "actions_list": {"en": "Action items: {items}.", "sv": "Uppdrag: {items}."},
    "no_actions": {"en": "I found no action items{when} in the minutes.",
                   "sv": "Jag hittar inga uppdrag{when} i protokollen."},
    "no_open_actions": {"en": "No action items are open{when}.", "sv": "Inga uppdrag är öppna{when}."},
    "nobody": {"en": "unassigned", "sv": "ingen ansvarig"},
    "role_holder": {"en": "{name} was {role} according to the minutes of {label}.",
                    "sv": "{name} var {role} enligt protokollet från {label}."},
    "no_role_holder": {"en": "The minutes{when} name no {role}.", "sv": "Protokollen{when} anger ingen {role}."},
    "role_name_chair": {"en": "chair", "sv": "ordförande"},
    "role_name_vice_chair": {"en": "vice chair", "sv": "vice ordförande"},
    "role_name_secretary": {"en": "secretary", "sv": "sekreterare"},
    "role_name_treasurer": {"en": "treasurer", "sv": "kassör"},
    "role_name_adjuster": {"en": "adjuster of the minutes", "sv": "justerare"},
    "role_name_minute_taker": {"en": "minute-taker", "sv": "protokollförare"},
    "role_name_rapporteur": {"en": "rapporteur", "sv": "föredragande"},
    "role_name_co_opted": {"en": "co-opted member", "sv": "adjungerad"},
    "role_name_auditor": {"en": "auditor", "sv": "revisor"},
    "role_name_vote_counter": {"en": "vote counter", "sv": "rösträknare"},
    "role_name_coordinator": {"en": "coordinator", "sv": "samordnare"},
    "role_name_representative": {"en": "representative", "sv": "representant"},
    "role_name_other": {"en": "office holder", "sv": "förtroendevald"},
    "digest_head": {"en": "{label}: {n} attended.", "sv": "{label}: {n} deltog."},
    "digest_head_no_list": {"en": "{label}.", "sv": "{label}."},
    "digest_item": {"en": "{item}: {what}", "sv": "{item}: {what}"},
    "digest_action": {"en": "{owners} to {task}", "sv": "{owners}: {task}"},
    "digest_also": {"en": "Also on the agenda: {items}.", "sv": "Också på dagordningen: {items}."},
    "digest_nothing": {"en": "The minutes of {label} record no decisions or action items; its agenda: {items}.",
                       "sv": "Protokollet från {label} anger inga beslut eller uppdrag; dagordningen: {items}."},
    "digest_empty": {"en": "The minutes of {label} record no items, decisions or action items.",
                     "sv": "Protokollet från {label} anger inga punkter, beslut eller uppdrag."},
    # -- Slack replies: bot.slack -------------------------------------------------------------------
    "error": {
        "en": "Sorry, something went wrong. The details are in the bot's log.",
        "sv": "Något gick fel. Detaljerna finns i botens logg.",
    },
    "empty_question": {
        "en": "Ask me something about the meeting minutes, e.g. _Who attended the last meeting?_ (`/minutes help` for more.)",
        "sv": "Fråga mig något om mötesprotokollen, t.ex. _Vilka var med på senaste mötet?_ (`/minutes help` för mer.)",
    },
    "not_indexed": {
        "en": "Nothing is indexed yet. An admin can run `/minutes index` or upload minutes to me.",
        "sv": "Inget är indexerat ännu. En administratör kan köra `/minutes index` eller ladda upp protokoll till mig.",
    },
    "index_busy": {
        "en": "The index is being updated right now; try again in a minute.",
        "sv": "Indexet uppdateras just nu; försök igen om en minut.",
    },
    "index_rebuild": {
        "en": "The index needs rebuilding: an admin can run `/minutes index rebuild`.",
        "sv": "Indexet behöver byggas om: en administratör kan köra `/minutes index rebuild`.",
    },
    "working": {"en": "Looking through the minutes…", "sv": "Letar i protokollen…"},
    "more_passages": {"en": "…and {n} more passages not shown.", "sv": "…och {n} fler utdrag visas inte."},
    # -- Slack answer buttons and Home tab: bot.slack.buttons, bot.slack.actions, bot.slack.home ---
    "more_button": {"en": "More passages ({n})", "sv": "Fler utdrag ({n})"},
    "more_heading": {"en": "Passages {first}–{last} of {total}", "sv": "Utdrag {first}–{last} av {total}"},
    "vote_up_button": {"en": "👍 Helpful", "sv": "👍 Bra svar"},
    "vote_down_button": {"en": "👎 Not helpful", "sv": "👎 Inte bra"},
    "vote_thanks_up": {"en": "Thanks for the feedback!", "sv": "Tack för återkopplingen!"},
    "vote_thanks_down": {
        "en": "Thanks, noted. Shall I show more passages for _{question}_?",
        "sv": "Tack, noterat. Ska jag visa fler utdrag för _{question}_?",
    },
    "more_after_down_button": {"en": "Show more passages", "sv": "Visa fler utdrag"},
    "no_more_passages": {"en": "I found no further passages for that question.",
                         "sv": "Jag hittar inga fler utdrag för den frågan."},
    "answer_expired": {"en": "That answer is too old for this button; please ask the question again.",
                       "sv": "Svaret är för gammalt för den här knappen; ställ frågan igen."},
    "feedback_status": {"en": "Feedback on answers: {up} 👍, {down} 👎.",
                        "sv": "Återkoppling på svar: {up} 👍, {down} 👎."},
    "home_decisions": {"en": "Latest decisions", "sv": "Senaste besluten"},
    "home_actions": {"en": "Open action items", "sv": "Öppna uppdrag"},
    "home_no_decisions": {"en": "No decisions found in the minutes.", "sv": "Inga beslut hittades i protokollen."},
    "home_no_actions": {"en": "No open action items.", "sv": "Inga öppna uppdrag."},
    "home_more_rows": {"en": "…and {n} more (`minutes {what}` on the server lists them all).",
                       "sv": "…och {n} till (`minutes {what}` på servern listar alla)."},
    "admins_only": {
        "en": "Sorry, only the bot's admins can {what}.",
        "sv": "Tyvärr, bara botens administratörer kan {what}.",
    },
    "what_index": {"en": "update the index", "sv": "uppdatera indexet"},
    "what_upload": {"en": "add minutes by uploading a file", "sv": "lägga till protokoll genom att ladda upp en fil"},
    "reindexing": {
        "en": "Updating the index… I'll post the result here when it's done.",
        "sv": "Uppdaterar indexet… Jag skriver resultatet här när det är klart.",
    },
    "reindex_running": {
        "en": "An index update is already running; its result will be posted when it's done.",
        "sv": "En uppdatering av indexet pågår redan; resultatet skrivs när den är klar.",
    },
    "not_here": {
        "en": "I don't answer in this channel. Ask an admin which channels I serve.",
        "sv": "Jag svarar inte i den här kanalen. Fråga en administratör vilka kanaler jag finns i.",
    },
    "no_file": {"en": "No file found in that message.", "sv": "Jag hittade ingen fil i meddelandet."},
    # collections and access (bot/slack/scope.py): what is withheld is never named
    "private_withheld": {
        "en": "Some minutes are only for members of certain channels, and Slack could not tell me just now "
              "whether you are one, so I left them out.",
        "sv": "Vissa protokoll är bara för medlemmar i vissa kanaler, och Slack kunde inte svara just nu "
              "på om du är det, så jag lät bli dem.",
    },
    "status_collections": {"en": "Collections seen here:", "sv": "Samlingar som syns här:"},
    "mask_id": {"en": "[ID number]", "sv": "[personnummer]"},
    "mask_email": {"en": "[e-mail]", "sv": "[e-post]"},
    "mask_phone": {"en": "[phone]", "sv": "[telefon]"},
    "unknown_command": {
        "en": "I didn't recognise that. Try `/minutes help`.",
        "sv": "Det kände jag inte igen. Prova `/minutes help`.",
    },
    "help": {
        "en": "*I answer questions about the meeting minutes, quoting them verbatim.*\n"
              "• Mention me in a channel: `@minutes When is the next meeting?` (I answer in a thread)\n"
              "• Send me a direct message\n"
              "• `/minutes &lt;question&gt;` – an answer only you see\n"
              "• `/minutes status` – what is indexed\n"
              "• `/minutes index` – update the index (admins)\n"
              "• Upload minutes ({kinds}) to me in a direct message (admins)\n"
              "Examples:\n{examples}",
        "sv": "*Jag svarar på frågor om mötesprotokollen och citerar dem ordagrant.*\n"
              "• Nämn mig i en kanal: `@minutes När är nästa möte?` (jag svarar i en tråd)\n"
              "• Skriv till mig i ett direktmeddelande\n"
              "• `/minutes &lt;fråga&gt;` – svar som bara du ser\n"
              "• `/minutes status` – vad som är indexerat\n"
              "• `/minutes index` – uppdatera indexet (administratörer)\n"
              "• Ladda upp ett protokoll ({kinds}) till mig i ett direktmeddelande (administratörer)\n"
              "Exempel:\n{examples}",
    },
    "status": {
        "en": "*{meetings}* meetings indexed ({chunks} passages), {span}.\n"
              "Last updated: {updated}. Model: `{model}`.",
        "sv": "*{meetings}* möten indexerade ({chunks} utdrag), {span}.\n"
              "Senast uppdaterat: {updated}. Modell: `{model}`.",
    },
    "unknown": {"en": "unknown", "sv": "okänt"},
    "status_skipped": {"en": "Not indexed ({n}, could not be read):",
                       "sv": "Inte indexerat ({n}, gick inte att läsa):"},
    "more_skipped": {"en": "…and {n} more.", "sv": "…och {n} till."},
    "status_read_as": {"en": "Read by their content, not their extension ({n}):",
                       "sv": "Lästa efter sitt innehåll, inte filändelsen ({n}):"},
    "read_as": {"en": "read as {kind} (its content is {content})", "sv": "läst som {kind} (innehållet är {content})"},
    "content_docx": {"en": "a Word document", "sv": "ett Word-dokument"},
    "content_pdf": {"en": "a PDF document", "sv": "ett PDF-dokument"},
    "content_text": {"en": "plain text", "sv": "vanlig text"},
    "file_kinds_or": {"en": " or ", "sv": " eller "},
    "reindexed": {"en": "Index updated: {added} added, {updated} updated, {removed} removed, {unchanged} unchanged; "
                        "{embedded} passages embedded.",
                  "sv": "Indexet uppdaterat: {added} tillagda, {updated} ändrade, {removed} borttagna, {unchanged} "
                        "oförändrade; {embedded} utdrag inbäddade."},
    "reindex_skipped": {"en": "Skipped:", "sv": "Hoppade över:"},
    # -- uploads: bot.slack.uploads.result_text ----------------------------------------------------------
    "refused_host": {"en": "I won't fetch a file from {host}: it is not a Slack file host.",
                     "sv": "Jag hämtar inga filer från {host}: det är ingen filserver hos Slack."},
    "refused_kind": {"en": "`{name}` is a {kind} file; I can read {kinds} minutes.",
                     "sv": "`{name}` är en {kind}-fil; jag kan läsa protokoll i {kinds}."},
    "refused_size": {"en": "`{name}` is {size}; the limit is {limit}.", "sv": "`{name}` är {size}; gränsen är {limit}."},
    "refused_external": {"en": "`{name}` is stored outside Slack; upload the file itself.",
                         "sv": "`{name}` ligger utanför Slack; ladda upp själva filen."},
    "refused_http": {"en": "Slack refused the download (HTTP {code}).", "sv": "Slack vägrade nedladdningen (HTTP {code})."},
    "refused_download": {"en": "Could not download the file: {reason}.", "sv": "Kunde inte ladda ned filen: {reason}."},
    "refused_larger": {"en": "The file is larger than the limit of {limit}.", "sv": "Filen är större än gränsen på {limit}."},
    "refused_login_page": {
        "en": "Slack sent a login page instead of the file: does the app have the `files:read` scope?",
        "sv": "Slack skickade en inloggningssida i stället för filen: har appen behörigheten `files:read`?"},
    "refused_info": {"en": "Slack would not describe the file: `{error}`.", "sv": "Slack ville inte beskriva filen: `{error}`."},
    "refused_no_link": {"en": "Slack gave no download link for `{name}`.",
                        "sv": "Slack gav ingen nedladdningslänk för `{name}`."},
    "upload_failed": {"en": "I could not add `{name}`: {reason}", "sv": "Jag kunde inte lägga till `{name}`: {reason}"},
    "upload_duplicate": {"en": "`{name}` is already in the minutes as `{other}` (same content); nothing changed.",
                         "sv": "`{name}` finns redan bland protokollen som `{other}` (samma innehåll); inget ändrades."},
    "upload_added": {"en": "Added `{name}` as `{stored}`.", "sv": "La till `{name}` som `{stored}`."},
    "upload_pending": {"en": "It will be indexed as soon as the index update now running has finished.",
                       "sv": "Det indexeras så snart den indexuppdatering som pågår är klar."},
    "upload_meeting": {"en": "Meeting: *{title}*, {date}.", "sv": "Möte: *{title}*, {date}."},
    "upload_counts": {"en": "Attendees: {n}. Passages indexed: {chunks}.",
                      "sv": "Deltagare: {n}. Indexerade utdrag: {chunks}."},
    "upload_chunks": {"en": "Passages indexed: {chunks}.", "sv": "Indexerade utdrag: {chunks}."},
    "no_title": {"en": "no title found", "sv": "ingen titel hittades"},
    "no_date": {"en": "no date found", "sv": "inget datum hittades"},
    # -- the App Home tab: bot.slack.blocks.home_view -----------------------------------------------
    "home_intro": {"en": "Ask me about the meeting minutes: mention me in a channel, send me a direct message, "
                         "or use `/minutes &lt;question&gt;`. I quote the minutes word for word.",
                   "sv": "Fråga mig om mötesprotokollen: nämn mig i en kanal, skriv till mig i ett direktmeddelande "
                         "eller använd `/minutes &lt;fråga&gt;`. Jag citerar protokollen ordagrant."},
    "home_index": {"en": "Index", "sv": "Index"},
    "home_try": {"en": "Try asking", "sv": "Prova att fråga"},
    # -- announcements and reminders: bot.slack.announce, bot.slack.reminders ------------------------------
    "announce_head": {"en": "New minutes: *{title}*, {date}.", "sv": "Nytt protokoll: *{title}*, {date}."},
    "announce_attendees": {"en": "{n} attended.", "sv": "{n} deltog."},
    "announce_decisions": {"en": "*Decisions*", "sv": "*Beslut*"},
    "announce_actions": {"en": "*New action items*", "sv": "*Nya uppdrag*"},
    "announce_nothing": {"en": "The minutes record no decisions or action items.",
                         "sv": "Protokollet anger inga beslut eller uppdrag."},
    "announce_more": {"en": "…and {n} more.", "sv": "…och {n} till."},
    "announce_source": {"en": "Source: {source}", "sv": "Källa: {source}"},
    "announce_others": {"en": "Also indexed: {n} more meetings.", "sv": "Också indexerat: {n} möten till."},
    "reminder_head": {"en": "Reminder: the next meeting is on *{date}* (announced in the minutes of {label}).",
                      "sv": "Påminnelse: nästa möte är *{date}* (enligt protokollet från {label})."},
    "reminder_actions": {"en": "*Open action items*", "sv": "*Öppna uppdrag*"},
    "reminder_no_actions": {"en": "No action items are open.", "sv": "Inga uppdrag är öppna."},
}


def say(key: str, lang: str = "en", **values) -> str:
    """The phrase ``key`` in ``lang`` ("en" or "sv"), filled with ``values``."""
    table = PHRASES[key]
    return table.get(lang, table["en"]).format(**values)
