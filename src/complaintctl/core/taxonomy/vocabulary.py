"""The words of the help desks people export from, beyond our own labels: the statuses, priorities,
channels and outcomes of Zendesk, Freshdesk, Jira, ServiceNow, GLPI, osTicket, Zammad and
Salesforce, as their English, Spanish, Portuguese, French, German and Polish interfaces write them
(Chinese ones are in labels.VALUE_ALIASES). Accents do not matter (`Resolu` is `Résolu`).
A word that could mean two codes is left out: a label nobody can place is kept raw, never guessed."""

from __future__ import annotations

# kind -> code -> words (compared as labels are: case, spaces, decoration and accents aside)
HELP_DESK_WORDS: dict[str, dict[str, list[str]]] = {
    "status": {
        "new": [
            # Zendesk, Freshdesk, ServiceNow, GLPI, Zammad, Salesforce, Jira (To Do, Backlog)
            "new", "to do", "todo", "backlog", "selected for development", "not started", "queued", "in queue",
            # es, pt, fr, de, pl
            "nuevo", "nueva", "abierto", "abierta", "tareas por hacer", "por hacer", "pendiente de asignar",
            "sin asignar", "novo", "nova", "aberto", "aberta", "na fila", "em fila", "a fazer", "não iniciado",
            "nouveau", "nouvelle", "ouvert", "ouverte", "à faire", "a faire", "non commencé",
            "neu", "offen", "zu erledigen", "nicht begonnen", "do zrobienia", "otwarte", "nowe", "nowy",
        ],
        "acknowledged": [
            "assigned", "processing (assigned)", "acknowledged",
            "asignado", "asignada", "atribuído", "atribuido", "em atendimento (atribuído)", "assigné", "attribué",
            "zugewiesen", "przypisane",
        ],
        "investigating": [
            "in review", "under review", "in development", "processing (planned)", "planned", "working",
            "pending reminder", "investigating", "in analysis",
            "en curso", "en progreso", "en proceso", "en revisión", "en análisis", "reabierto", "reabierta",
            "em andamento", "em atendimento", "em atendimento (planejado)", "em progresso", "em análise",
            "reaberto", "reaberta", "planejado", "en cours", "en traitement", "en revue", "rouvert", "réouvert",
            "in bearbeitung", "in arbeit", "in prüfung", "wieder geöffnet", "w toku", "w trakcie", "w realizacji",
            "ponownie otwarte",
        ],
        "waiting": [
            "hold", "on-hold", "waiting", "waiting on customer", "waiting on third party", "awaiting third party",
            "pending close", "awaiting response", "waiting for support", "waiting for reply",
            "pendiente", "en espera", "esperando", "esperando al cliente", "esperando respuesta",
            "pendente", "aguardando", "aguardando cliente", "aguardando resposta", "aguardando usuário",
            "em espera", "en attente", "en attente du client", "en attente de réponse", "suspendu",
            "wartend", "warten auf kunde", "warten", "ausstehend", "angehalten", "oczekujące", "wstrzymane",
        ],
        "resolved": [
            "resolved", "solucionado", "solucionada", "resuelto", "resuelta", "resolvido", "resolvida",
            "résolu", "résolue", "gelöst", "rozwiązane",
        ],
        "closed": [
            "done", "won't do", "wont do", "merged", "removed", "deleted", "rejected", "cancelled", "canceled",
            "cerrado", "cerrada", "finalizado", "finalizada", "listo", "lista", "hecho", "terminado", "terminada",
            "cancelado", "cancelada", "completado", "completada", "fechado", "fechada", "concluído", "concluída",
            "concluido", "concluida", "feito", "pronto", "encerrado", "encerrada", "fermé", "fermée", "clos",
            "close", "clôturé", "terminé", "terminée", "fait", "annulé", "annulée", "geschlossen",
            "abgeschlossen", "erledigt", "fertig", "storniert", "abgebrochen", "zamknięte", "gotowe",
            "zakończone", "anulowane",
        ],
    },
    "severity": {
        "critical": ["crítica", "critica", "crítico", "muy alta", "muito alta", "critique", "bloquante", "très haute",
                     "kritisch", "sehr hoch", "blokujący", "krytyczny", "najwyższy"],
        "high": ["alta", "alto", "haute", "élevée", "majeure", "hoch", "wysoki", "poważny"],
        "medium": ["media", "medio", "média", "médio", "moyenne", "moyen", "mittel", "średni"],
        "low": ["baja", "bajo", "baixa", "baixo", "muy baja", "muito baixa", "basse", "mineure", "très basse",
                "niedrig", "sehr niedrig", "gering", "niski", "najniższy", "drobny"],
    },
    "channel": {
        "phone": ["phone call", "phone call (inbound)", "voicemail", "voice", "teléfono", "telefono", "llamada",
                  "telefone", "ligação", "téléphone", "appel", "telefon", "anruf"],
        "email": ["correo", "correo electrónico", "courriel", "courrier électronique", "helpdesk e-mail", "e-mail"],
        "web": ["web widget", "web service", "feedback widget", "helpdesk", "web portal", "formulario",
                "formulário", "formulaire", "formular", "portal web"],
        "chat": ["chat", "messaging", "whatsapp", "virtual agent", "messenger"],
        "store": ["direct", "presencial", "en persona", "pessoalmente", "en personne", "persönlich", "walk in"],
        "letter": ["written", "escrito", "carta", "lettre", "brief", "courrier", "correio"],
    },
    "outcome": {
        "resolved": ["fixed", "done", "resuelto", "listo", "hecho", "resolvido", "concluído", "feito", "résolu",
                     "corrigé", "terminé", "gelöst", "behoben", "erledigt"],
        "rejected": ["won't do", "won't fix", "wont fix", "cannot reproduce", "not a bug", "no se hará",
                     "não será feito", "ne sera pas fait", "wird nicht erledigt"],
        "withdrawn": ["cancelled", "canceled", "cancelado", "annulé", "storniert"],
    },
}

# Status words that also say how the complaint ended (a ticket won't be done: rejected).
HELP_DESK_OUTCOMES = {"won't do": "rejected", "wont do": "rejected", "rejected": "rejected",
                      "cancelado": "withdrawn", "cancelada": "withdrawn", "annulé": "withdrawn",
                      "annulée": "withdrawn", "storniert": "withdrawn", "anulowane": "withdrawn"}
