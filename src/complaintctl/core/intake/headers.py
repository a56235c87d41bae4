"""Headers that no alias lists, matched by their meaningful parts, in Chinese, English, Spanish,
Portuguese, French, German and Polish: `投诉接待日期` is a date (the received time, as it names no
other moment), `Data de abertura` and `Creada` the received time, `Résumé` the subject, `Date
d'échéance` no field at all (a due date). A guess is only a candidate: the values decide
(intake/evidence.py), and `--show-mapping` says which word made the guess. Words are compared in
lower case without accents (`Título` is `titulo`)."""

from __future__ import annotations

import functools
import re
import unicodedata

# Words of a header: camelCase and snake_case split, lower case, accents dropped.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_WORDS = re.compile(r"[^\W_]+")

DATE_WORDS = {"date", "time", "datetime", "timestamp", "when", "day", "dt", "fecha", "hora", "data", "datum", "zeit",
              "heure", "jour", "dia", "czas", "uhrzeit"}
DATE_LAST_WORDS = {"at", "on", "em", "le", "am"}  # created_at, opened_on, criado em, créé le, erstellt am
DATE_ZH = ("日期", "时间", "时刻", "日")
# Words that name a moment by themselves (`Created`, `Creada`, `Utworzono`): a date header with no date word.
MOMENT_ALONE = {"created", "opened", "received", "submitted", "solved", "resolved", "closed", "updated", "modified",
                "creada", "creado", "criado", "criada", "creation", "creacion", "criacao", "abertura", "apertura",
                "ouverture", "utworzono", "zaktualizowano", "rozwiazane", "resuelta", "resuelto", "actualizada",
                "actualizado", "atualizado", "atualizada", "cerrada", "cerrado", "fechado", "fechada", "erstellt",
                "aktualisiert", "geschlossen", "geloest", "gelost", "resolu", "resolue", "ferme", "fermee", "cree",
                "creee", "zamkniete", "zamknieto", "recebido", "recibido", "solucionado", "finalizada", "finalizado",
                "atualizacao", "actualizacion", "aktualizacja"}
# Moments that are no field of ours: kept in extra rather than read as the received time.
OTHER_MOMENTS = ({"due", "deadline", "sent", "birth", "birthday", "expire", "expires", "expiry", "expiration",
                  "dob", "forwarded", "escalated", "sla", "target", "promised", "scheduled", "next", "vencimiento",
                  "vence", "echeance", "faellig", "fallig", "prazo", "limite", "termin", "hire", "contratacion",
                  "contratacao", "nacimiento", "nascimento", "naissance", "geburt", "geburtsdatum", "viewed",
                  "affichage", "wyswietlane", "visto", "angezeigt", "reopened", "reabierto", "reaberto", "rouvert",
                  "estimate", "estimated", "estimation", "planned", "plan", "start", "end", "inicio", "fim", "fin",
                  "debut"},
                 ("到期", "截止", "期限", "出生", "发送", "转办", "预计", "计划", "承诺", "下次", "生日", "重开"))
# (field, words, Chinese parts) for a date header naming a moment other than receipt.
MOMENTS = [
    ("updated_at", {"updated", "modified", "changed", "update", "modify", "last", "actualizada", "actualizado",
                    "actualizacion", "atualizacao", "atualizado", "atualizada", "ultima", "mise", "modifie",
                    "modification", "aktualisiert", "geandert", "geaendert", "aenderung", "anderung", "zaktualizowano",
                    "aktualizacja", "modificado", "modificacion"}, ("更新", "修改", "变更")),
    ("closed", {"closed", "close", "closing", "completed", "finished", "ended", "cerrada", "cerrado", "cierre",
                "fechado", "fechada", "fechamento", "encerramento", "encerrado", "cloture", "ferme", "fermeture",
                "fermee", "geschlossen", "abgeschlossen", "schliessung", "zamkniete", "zamknieto", "zamkniecia",
                "finalizada", "finalizado", "conclusao", "concluido"}, ("关闭", "结案", "办结", "完成", "结束")),
    ("resolved_at", {"resolved", "solved", "resolution", "fixed", "resuelta", "resuelto", "resolucion", "solucion",
                     "solucionado", "solucao", "resolvido", "resolu", "resolue", "geloest", "gelost", "loesung",
                     "losung", "rozwiazane", "rozwiazano", "rozwiazania"}, ("解决",)),
    ("first_response_at", {"response", "responded", "reply", "replied", "answer", "answered", "first", "respuesta",
                           "resposta", "reponse", "antwort", "odpowiedz", "primera", "primeira", "premiere", "erste",
                           "pierwsza"}, ("响应", "回复", "答复", "反馈", "回访")),
]
# Date headers that say the complaint came in (preferred for received) or that something happened
# (an incident's own time: the last choice for received, which is when the desk heard of it).
RECEIVED_WORDS = ({"received", "created", "opened", "opening", "submitted", "reported", "logged", "registered", "creada",
                   "creado", "creacion", "alta", "criado", "criada", "criacao", "abertura", "apertura", "recebido",
                   "recebida", "recibido", "recibida", "creation", "cree", "creee", "ouverture", "recu", "reception",
                   "erstellt", "erstellung", "eingang", "eingegangen", "angelegt", "utworzono", "utworzenia",
                   "zgloszenia", "registro", "registrado", "entrada", "arrivee"},
                  ("受理", "接收", "登记", "创建", "提交", "来电", "投诉", "留言", "接待", "收到"))
OCCURRED_WORDS = ({"occurred", "occurrence", "incident", "event", "happened", "ocurrido", "ocurrencia", "ocorrido",
                   "ocorrencia", "survenu", "evenement", "vorfall", "ereignis", "zdarzenia", "hecho", "fato"},
                  ("发生", "事发", "案发"))
# (field, words, Chinese parts), tried in this order for headers that are not dates.
FIELDS = [
    ("reopened_count", {"reopen", "reopened", "reopens", "reaberturas", "reaperturas", "reouvertures"}, ("重开", "重新打开")),
    ("email", {"email", "mail", "mailbox", "correo", "courriel"}, ("邮箱", "邮件", "电邮")),
    ("phone", {"phone", "tel", "telephone", "mobile", "cell", "cellphone", "msisdn", "telefono", "telefone", "celular",
               "movil", "handy", "telefon", "komorka"}, ("电话", "手机", "号码", "联系方式")),
    ("channel", {"channel", "via", "medium", "source", "canal", "origen", "origem", "fuente", "kanal", "quelle",
                 "zrodlo"}, ("渠道", "方式", "来源", "途径")),
    ("status", {"status", "state", "estado", "situacao", "etat", "statut", "zustand", "stan"}, ("状态", "进度")),
    ("severity", {"priority", "severity", "urgency", "prio", "impact", "prioridad", "prioridade", "priorite",
                  "prioritaet", "prioritat", "priorytet", "urgencia", "urgence", "dringlichkeit", "gravedad", "gravite",
                  "gravidade", "schweregrad", "pilnosc"}, ("优先级", "级别", "等级", "紧急", "严重")),
    ("assignee", {"assignee", "assigned", "agent", "owner", "handler", "resolver", "handled", "technician", "asignada",
                  "asignado", "responsable", "atribuido", "tecnico", "assigne", "attribue", "bearbeiter",
                  "zugewiesen", "verantwortlich", "przypisana", "przypisanej", "wykonawca"},
     ("处理人", "负责人", "经办人", "承办人", "受理人", "跟进人", "办理人", "客服")),
    ("resolution", {"resolution", "solution", "solucion", "solucao", "resolucion", "loesung", "losung", "rozwiazanie"},
     ("处理结果", "处理意见", "答复意见", "答复内容", "回复内容", "办理结果", "处理情况", "办理情况", "答复", "回复")),
    ("outcome", {"outcome", "result", "resultado", "resultat", "ergebnis", "wynik"}, ("结果", "结论")),
    ("remedy", {"remedy", "demand", "demands", "expectation", "demanda", "exigence", "forderung"}, ("诉求", "要求", "期望")),
    ("cause", {"cause", "causa", "ursache", "przyczyna"}, ("原因",)),
    ("company", {"company", "organisation", "organization", "employer", "firm", "empresa", "entidade", "entidad",
                 "societe", "entreprise", "firma", "unternehmen", "organizacao", "organizacion"}, ("公司", "单位", "企业")),
    ("customer", set(), ("姓名", "客户", "投诉人", "联系人", "用户", "来电人", "反映人", "当事人", "消费者", "留言人",
                         "举报人", "申请人", "顾客")),
    ("category", {"category", "categories", "type", "kind", "classification", "topic", "categoria", "categorias",
                  "tipo", "categorie", "kategorie", "kategoria", "typ", "clasificacion", "classificacao", "rubro"},
     ("分类", "类型", "类别", "类目")),
    ("ref", {"id", "key", "number", "no", "ref", "reference", "ticket", "case", "clave", "numero", "chave", "cle",
             "schluessel", "schlussel", "nummer", "klucz", "identificador", "identificacao", "nr", "nro", "num"},
     ("编号", "单号", "工单号", "流水号", "序号")),
    ("subject", {"subject", "title", "summary", "issue", "descriptor", "headline", "asunto", "resumen", "titulo", "tema",
                 "assunto", "objet", "titre", "resume", "sujet", "betreff", "titel", "zusammenfassung", "podsumowanie",
                 "tytul", "temat"}, ("主题", "标题", "摘要", "事由", "事项", "问题")),
    ("description", {"description", "details", "detail", "content", "body", "text", "message", "narrative", "comment",
                     "comments", "complaint", "descripcion", "descricao", "conteudo", "contenido", "detalle",
                     "detalhes", "mensaje", "mensagem", "texto", "beschreibung", "inhalt", "nachricht", "opis",
                     "tresc", "wiadomosc", "commentaire", "contenu"},
     ("内容", "描述", "详情", "详细", "留言", "情况", "经过")),
    ("tags", {"tag", "tags", "label", "labels", "keywords", "etiqueta", "etiquetas", "etiquette", "etiquettes",
              "schlagwort", "etykieta"}, ("标签", "关键词")),
]
# A header is the customer only when every word in it says "a person" (or is a filler):
# `caller_id`, `Customer Name`, `author`, `Requerente - Requerente` are; `Consumer consent provided?`,
# `Agency Name` are not.
PERSON_WORDS = {"customer", "caller", "client", "consumer", "complainant", "author", "user", "contact", "person",
                "reporter", "requester", "requestor", "submitter", "name", "username", "cliente", "solicitante",
                "requerente", "informador", "reportador", "demandeur", "demandante", "rapporteur", "kunde",
                "anfragender", "melder", "klient", "zglaszajaca", "zglaszajacy", "zglaszajacej", "usuario",
                "utilisateur", "benutzer", "uzytkownik", "nombre", "nome", "nom"}
PERSON_FILLERS = {"full", "first", "last", "id", "the", "of", "display", "s", "de", "la", "do", "da", "el", "le",
                  "du", "osoba", "osoby", "del"}
# A short description is a title: ServiceNow's `Short Description` beside its `Description`.
SHORT_WORDS = {"short", "brief", "breve", "curta", "corta", "courte", "kurz", "kurzbeschreibung", "krotki", "krotka"}
# How strongly a header's words name a field, for choosing among candidates (`priority` over `urgency`).
WEAKER = {"severity": {"urgency": 1, "urgencia": 1, "urgence": 1, "dringlichkeit": 1, "pilnosc": 1, "impact": 0},
          "ref": {"id": 1, "no": 1, "number": 1, "numero": 1, "num": 1, "nr": 1, "nro": 1, "case": 1, "ticket": 1},
          "assignee": {"owner": 1, "agent": 1, "responsable": 1}}


_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "œ": "oe"})


def header_words(header: str) -> list[str]:
    """A header's words, lower case, without accents: `Data da solução` -> data, da, solucao."""
    text = unicodedata.normalize("NFKD", _CAMEL.sub("_", header.strip()).translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _WORDS.findall(text)


@functools.lru_cache(maxsize=4096)
def guess_field(header: str) -> tuple[str, str] | None:
    """(field, the word that made the guess) for a header no alias names, or None."""
    text = header.strip()
    words = [w for w in header_words(text) if w.isascii()]
    wordset = set(words)
    zh = text
    # `Created`, `tweet_created`, `Creada`: a moment word and no word of another field (`Submitted via`)
    moment_alone = bool(wordset & MOMENT_ALONE) and not any(wordset & english for _f, english, _z in FIELDS)
    is_date = bool(wordset & DATE_WORDS) or (words and words[-1] in DATE_LAST_WORDS) or \
        any(p in zh for p in DATE_ZH) or moment_alone
    fact = _fact_field(words, wordset, zh, bool(is_date))
    if fact is not None:
        named, word = fact
        return (named, word) if named else None
    if is_date:
        if wordset & OTHER_MOMENTS[0] or any(p in zh for p in OTHER_MOMENTS[1]):
            return None
        for field, english, chinese in MOMENTS:
            hit = _hit(words, zh, english, chinese)
            if hit:
                return field, hit
        return "received", _hit(words, zh, DATE_WORDS | DATE_LAST_WORDS | MOMENT_ALONE, DATE_ZH) or "date"
    if {"contact", "type"} <= wordset or {"contact", "method"} <= wordset:
        return "channel", "contact"  # ServiceNow's contact_type: phone, email, self-service
    if wordset & SHORT_WORDS and wordset & FIELDS[-2][1]:
        return "subject", next(w for w in words if w in SHORT_WORDS)
    for field, english, chinese in FIELDS:
        if field == "customer":
            hit = _hit([], zh, set(), chinese)
            if hit:
                return field, hit
            if words and wordset & PERSON_WORDS and wordset <= PERSON_WORDS | PERSON_FILLERS:
                return field, next(w for w in words if w in PERSON_WORDS)
            continue
        hit = _hit(words, zh, english, chinese)
        if hit in TICKET_NOUNS and field == "ref" and set(words) & english <= TICKET_NOUNS and _later_field(words, zh):
            continue  # `Ticket Subject`, `Case Description`: the ticket's subject, not its number
        if hit:
            return field, hit
    return None


# words that name the record itself rather than its number: `Ticket Subject` is a subject
TICKET_NOUNS = {"ticket", "case"}


def _later_field(words: list[str], zh: str) -> bool:
    """Whether a header's words also name a field tried after the reference (subject, description, tags)."""
    after = FIELDS[[f for f, _e, _z in FIELDS].index("ref") + 1:]
    return any(_hit(words, zh, english, chinese) for _f, english, chinese in after)


def names_another_moment(header: str) -> bool:
    """Whether a header's words name a moment other than receipt (`TimetoResolution`, `Closed`, `Due`):
    such a column is never the received time, whatever its values."""
    words = set(header_words(header))
    return bool(words & OTHER_MOMENTS[0]) or any(p in header for p in OTHER_MOMENTS[1]) or any(
        words & english or any(p in header for p in chinese) for _f, english, chinese in MOMENTS)


# History as facts (intake/facts.py): a length of time from received, a survey's score, a reopen's time.
DURATION_WORDS = {"duration", "elapsed", "duracao", "duracion", "duree", "dauer", "czas_trwania", "minutes", "minute",
                  "mins", "min", "hours", "hour", "hrs", "days", "seconds", "secs", "minutos", "horas", "dias",
                  "segundos", "heures", "jours", "minuten", "stunden", "tage", "sekunden", "minut", "godzin", "dni"}
DURATION_ZH = ("时长", "耗时", "用时", "分钟", "小时")
RESPONSE_WORDS = {"response", "reply", "responded", "replied", "respuesta", "resposta", "reponse", "antwort",
                  "odpowiedz", "odpowiedzi", "atendimento"}
RESOLUTION_WORDS = {"resolution", "resolve", "resolved", "solved", "solve", "solution", "solucao", "solucion",
                    "resolucion", "resolucao", "loesung", "losung", "rozwiazania", "rozwiazanie"}
BUSINESS_WORDS = {"business", "working", "office", "uteis", "util", "comercial", "ouvres", "ouvrables", "laborables",
                  "habiles", "arbeitszeit", "geschaeftszeit", "robocze", "roboczych"}
SATISFACTION_WORDS = {"satisfaction", "satisfied", "csat", "satisfacao", "satisfaccion", "zufriedenheit",
                      "zadowolenie", "satisfacción"}
REOPEN_WORDS = {"reopen", "reopened", "reabierto", "reaberto", "rouvert", "wiedergeoeffnet"}


def _fact_field(words: list[str], wordset: set[str], zh: str, is_date: bool) -> tuple[str | None, str] | None:
    """(field, word) when a header names a fact: a satisfaction score or its time, a reopen's time, a
    length of time to the first response or the resolution; (None, word) for a length of business
    time (no span of the clock: kept in extra); None when it names none of these."""
    satisfied = next((w for w in words if w in SATISFACTION_WORDS), None) or \
        next((p for p in ("满意度", "评分") if p in zh), None)
    if satisfied:
        return ("satisfaction_at" if is_date and not wordset & {"score", "rating"} else "satisfaction"), satisfied
    reopen = next((w for w in words if w in REOPEN_WORDS), None) or ("重开" if "重开" in zh else None)
    if reopen and is_date:
        return "reopened_at", reopen
    spans = next((w for w in words if w in DURATION_WORDS), None) or next((p for p in DURATION_ZH if p in zh), None)
    if spans is None and not (_follows(words, "time", "to") or _follows(words, "tempo", "de")):
        return None
    response = next((w for w in words if w in RESPONSE_WORDS), None) or \
        next((p for p in ("响应", "回复", "答复") if p in zh), None)
    resolution = next((w for w in words if w in RESOLUTION_WORDS), None) or ("解决" if "解决" in zh else None)
    if wordset & BUSINESS_WORDS or "工作时间" in zh or "工作日" in zh:
        return (None, "business") if response or resolution else None
    if response and not resolution:
        return "first_response_after", response
    if resolution and not (response or "first" in wordset or "primera" in wordset or "primeira" in wordset):
        return "resolved_after", resolution
    # another length of time (a wait, a first resolution a reopen undid, a total): no time of ours
    return (None, spans) if spans else None


def _follows(words: list[str], first: str, then: str) -> bool:
    return any(a == first and b == then for a, b in zip(words, words[1:], strict=False))


def business_time(header: str) -> bool:
    """Whether a header names a length of business time to a response or resolution (kept in extra)."""
    words = [w for w in header_words(header) if w.isascii()]
    return _fact_field(words, set(words), header, False) == (None, "business")


def strength(field: str, header: str) -> int:
    """How strongly a header names ``field``, 0-2, for choosing among its candidates: a received or
    created column (2) over a plain date (1) over an incident's own time (0); `priority` over
    `urgency`; a ticket's key over a bare number."""
    words = set(header_words(header))
    if field == "received":
        if words & OCCURRED_WORDS[0] or any(p in header for p in OCCURRED_WORDS[1]):
            return 0
        if words & RECEIVED_WORDS[0] or any(p in header for p in RECEIVED_WORDS[1]):
            return 2
        return 1
    weaker = WEAKER.get(field)
    if weaker:
        found = [weaker[w] for w in words if w in weaker]
        others = words - set(weaker)
        if found and not (others & next(e for f, e, _ in FIELDS if f == field)):
            return min(found)
    return 2


def _hit(words: list[str], text: str, english: set[str], chinese: tuple[str, ...]) -> str | None:
    """The header's first word (in its own order, so the evidence is the same every run) that
    ``english`` lists, else the first of ``chinese`` in it."""
    for word in words:
        if word in english:
            return word
    return next((part for part in chinese if part in text), None)
