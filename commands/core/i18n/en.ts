import { JOIN_URL_EXAMPLES } from '../join-url.js';
import type { MeetingPlatform } from '../parse-values.js';
import { typedWord } from '../text.js';
import type { Examples, Messages } from './catalogue.js';

const PLATFORM_NAMES: Record<MeetingPlatform, string> = {
  zoom: 'Zoom',
  teams: 'Microsoft Teams',
  meet: 'Google Meet',
  youtube: 'YouTube Live',
  webex: 'Webex',
  facebook: 'Facebook Live',
};

const list = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');

/** A step id as a word on a button (the ids are Spanish: `invitacion` → invitation). */
const STEP_WORDS: Record<string, string> = {
  fecha: 'date',
  invitacion: 'invitation',
  publico: 'audience',
  sala: 'room',
  imagen: 'branding',
  moderador: 'moderator',
  conexion: 'connection',
  preguntas: 'questions',
  guion: 'script',
  correo: 'e-mail',
  invitados: 'guests',
  grabacion: 'recording',
  filtrado: 'filtering',
  'aviso-correo': 'e-mail notice',
  youtube: 'YouTube',
  prensa: 'press',
  presentacion: 'presentation',
  respuestas: 'answers',
};
const stepWord = (stepId: string) => STEP_WORDS[stepId] ?? stepId;

export function english(ex: Examples): Messages {
  const register = `/rendicion register ${ex.unitCode} ${ex.date} 10:00 zoom`;
  return {
    locale: 'en',
    errorTitle: 'Could not do that',
    unexpectedError: (requestId) =>
      `Sorry, something failed on our side and nothing was saved. Try again in a moment; if it happens again, tell an admin and quote ${requestId}.`,
    errors: {
      unknown_command: ({ input, suggestion }) =>
        suggestion
          ? `I don't know the command \`${input}\`. Did you mean \`/rendicion ${suggestion}\`? Type \`/rendicion help\` to see them all.`
          : `I don't know the command \`${input}\`. Type \`/rendicion help\` to see the available commands.`,
      unclosed_quote: () =>
        'A quote is not closed. Put the text between opening and closing quotes, e.g. `room="Main hall"`.',
      missing_argument: ({ command, argument }) =>
        `${argument} is missing. Type \`/rendicion help ${command}\` to see how to use the command.`,
      too_many_arguments: ({ command, extra }) =>
        `\`${extra}\` is one word too many. If it is text with spaces, put it in quotes. See \`/rendicion help ${command}\`.`,
      unknown_option: ({ command, option, allowed }) =>
        allowed.length
          ? `\`${command}\` has no option \`${option}\`. Valid options: ${list(allowed)}.`
          : `\`${command}\` takes no options such as \`${option}=...\`.`,
      invalid_option_value: ({ option, input, expected }) =>
        expected === 'yes_no'
          ? `\`${option}=${input}\` is not valid: type \`${option}=yes\` or \`${option}=no\`.`
          : expected === 'number'
            ? `\`${option}=${input}\` is not valid: type a whole number, e.g. \`${option}=80\`.`
            : `\`${option}=${input}\` is not valid.`,
      unit_not_found: ({ input, suggestion }) =>
        suggestion
          ? `I can't find the unit \`${input}\`. Did you mean \`${suggestion}\`? Use the unit's code, e.g. \`${ex.unitCode}\`.`
          : `I can't find the unit \`${input}\`. Use the unit's code, e.g. \`${ex.unitCode}\`; \`/rendicion status all\` lists the provinces.`,
      scope_not_found: ({ input, suggestion }) =>
        suggestion
          ? `I can't find a unit or province called \`${input}\`. Did you mean \`${suggestion}\`?`
          : `I can't find a unit or province called \`${input}\`. Type a unit code (\`/rendicion status ${ex.unitCode}\`), a province (\`/rendicion status Pichincha\`) or \`/rendicion status all\`.`,
      step_not_found: ({ input, suggestion }) =>
        suggestion
          ? `There is no step \`${input}\`. Did you mean \`${suggestion}\`? The full list is in \`/rendicion help marcar\`.`
          : `There is no step \`${input}\`. The list of steps is in \`/rendicion help marcar\`.`,
      step_not_applicable: ({ stepId, unitCode }) =>
        stepId === 'cultural'
          ? `The step \`cultural\` does not apply to ${unitCode}: its session has no cultural segment. If it will, type \`/rendicion register ${unitCode} cultural=yes\`.`
          : `The step \`${stepId}\` does not apply to ${unitCode}: its session shows no video or photos. If it will, type \`/rendicion register ${unitCode} video=yes\` (or \`photos=yes\`).`,
      step_set_by_registration: ({ stepId, unitCode }) =>
        stepId === 'correo'
          ? `The step \`correo\` is completed by registering the questions e-mail: \`/rendicion register ${unitCode} email=questions@example.gob.ec\`.`
          : `The step \`${stepId}\` is completed by registering the date and time: \`/rendicion register ${unitCode} ${ex.date} 10:00 zoom\`.`,
      invalid_date: ({ input }) =>
        `\`${input}\` is not a valid date. Type day/month/year, e.g. \`${ex.date}\`, or \`today\`, \`tomorrow\` or a weekday.`,
      invalid_time: ({ input }) =>
        `\`${input}\` is not a valid time. Use the 24-hour clock, e.g. \`10:00\`, \`10h00\` or \`15h30\`.`,
      date_outside_window: ({ date, windowStart, windowEnd }) =>
        `${date} is outside the campaign (${windowStart} to ${windowEnd}). Choose a date in that period, e.g. \`${ex.date}\`.`,
      date_in_past: ({ when }) => `${when} has already passed. Type a future date and time, e.g. \`${register}\`.`,
      invalid_platform: ({ input, allowed }) =>
        `I don't know the platform \`${input}\`. Type one of: ${list(allowed)}.`,
      invalid_email: ({ input }) =>
        `\`${input}\` doesn't look like a valid e-mail. Type a full address, e.g. \`email=questions@example.gob.ec\`.`,
      invalid_join_url: ({ input, platform, domains }) =>
        `\`${input}\` is not a link for a ${PLATFORM_NAMES[platform as MeetingPlatform] ?? platform} session: type an address starting with https:// on ${list(domains)}, e.g. \`link=${JOIN_URL_EXAMPLES[platform as MeetingPlatform] ?? 'https://…'}\`.`,
      event_not_registered: ({ unitCode }) =>
        `${unitCode} has not registered its session yet. Register it first: \`/rendicion register ${unitCode} ${ex.date} 10:00 zoom\`.`,
      forbidden_command: ({ command, role }) =>
        role === 'admin'
          ? `Only an admin can use \`${command}\`. Ask an admin to do it for you.`
          : role === 'directorate'
            ? `Only the Communication Directorate can use \`${command}\`.`
            : role === 'communication'
              ? `Only a unit's officer, Communication or the Directorate can use \`${command}\`.`
              : `Only a unit's officer, the Directorate or an admin can use \`${command}\`. If you are an officer, ask an admin: \`/rendicion role <user> officer:${ex.unitCode}\`.`,
      forbidden_unit: ({ unitCode }) =>
        `You are not the officer of ${unitCode}: you can only change your own units. See its status with \`/rendicion status ${unitCode}\`.`,
      forbidden_force: ({ command }) =>
        command === 'youtube'
          ? "Only an admin can register a video another unit already has (`force=yes`). Send the link of this unit's recording."
          : 'Only an admin can register outside the campaign period (`force=yes`). Choose a date inside the period.',
      invalid_user: ({ input }) =>
        `\`${input}\` is not a valid user. Mention the person (\`@name\`) or type their id or e-mail.`,
      invalid_role: ({ input }) =>
        `I don't know the role \`${input}\`. Type \`directorate\`, \`communication\`, \`admin\` or \`officer:${ex.unitCode}\`.`,
      role_from_environment: ({ userId }) =>
        `${userId} is an admin by the bot's configuration (BOT_ADMINS); that role is removed only by changing that variable.`,
      unknown_action: () => 'This button is no longer valid. Type the command again.',
      request_not_found: ({ id }) => `There is no request #${id}. See the requests with \`/rendicion requests all\`.`,
      invalid_request_id: ({ input }) =>
        `\`${input}\` is not a request number. Type the number the card shows, e.g. \`/rendicion request approve 12\`.`,
      unknown_request_action: ({ input }) =>
        `I don't know \`${input}\`. Type \`/rendicion request approve 12\`, \`/rendicion request reject 12 "reason"\`, \`/rendicion request withdraw 12\` or \`/rendicion request 12\` to see it.`,
      invalid_kind: ({ input }) =>
        `I don't know the kind \`${input}\`. Type \`video\`, \`photos\` or \`cultural\`, e.g. \`/rendicion request-approval video ${ex.unitCode} "3-minute institutional video"\`.`,
      invalid_link: ({ input }) => `\`${input}\` is not a valid link. Type the full address, starting with https://.`,
      text_too_long: ({ max }) => `The text is too long: use at most ${max} characters.`,
      pending_request_exists: ({ id, kind, unitCode, requestedBy }) =>
        requestedBy === undefined
          ? `${unitCode} already has request #${id} (${kind}) pending. Wait for the decision or withdraw it with \`/rendicion request withdraw ${id}\`.`
          : `${unitCode} already has request #${id} (${kind}) pending, asked by ${requestedBy}. Wait for the decision; only ${requestedBy} can withdraw it. See it with \`/rendicion request ${id}\`.`,
      event_already_started: ({ unitCode, when }) =>
        `${unitCode}'s session started on ${when}: approvals can no longer be requested for it.`,
      own_request: ({ id }) => `You cannot decide your own request #${id}: someone else in the Directorate must.`,
      forbidden_decision: ({ id }) => `Only the Directorate can decide request #${id}. Nothing changed.`,
      not_requester: ({ id, requestedBy }) => `Only whoever asked for request #${id} (${requestedBy}) can withdraw it.`,
      reason_required: ({ id }) =>
        `A rejection needs a reason: \`/rendicion request reject ${id} "the video is longer than 3 minutes"\`.`,
      tweet_not_found: ({ id }) =>
        `There is no tweet draft ${id}. Type \`/rendicion tweet ${ex.unitCode} "text"\` again.`,
      tweet_blocked: () =>
        'The tweet breaks the social-media policy (see the ⛔ findings). Fix it and type the command again.',
      forbidden_tweet: () => 'Only whoever wrote the draft, Communication or the Directorate can publish or cancel it.',
      invalid_youtube_link: ({ input }) =>
        `\`${input}\` is not a YouTube video link. Copy the video's link, e.g. \`https://www.youtube.com/watch?v=dQw4w9WgXcQ\` or \`https://youtu.be/dQw4w9WgXcQ\`.`,
      invalid_link_for_presentation: ({ input }) =>
        `\`${input}\` is not a web address. Copy the page's full address, starting with https://.`,
      not_institutional_link: ({ host, domains }) =>
        `${host} is not one of the campaign's institutional sites (${domains}). The presentation must be on the institute's website.`,
      invalid_page: ({ input, pages }) =>
        pages === undefined
          ? `\`${input}\` is not a page number. Type a whole number from 1, e.g. \`2\`.`
          : `There is no page ${input}: the list has ${pages} page${pages === 1 ? '' : 's'}.`,
      invalid_toggle: ({ input }) =>
        `I don't understand \`${input}\`. Type \`/rendicion reminders off\` to turn them off or \`/rendicion reminders on\` to turn them on.`,
      video_of_another_unit: ({ unitCode, otherUnitCode, url, canForce }) =>
        `That video is already the link of ${otherUnitCode} (${url}); each session has its own recording, so it was not saved for ${unitCode}. Copy the link of ${unitCode}'s video.${
          canForce
            ? ` If it really is the same recording (a joint session), register it anyway with \`/rendicion video-link ${unitCode} ${url} force=yes\`.`
            : ' If it was a joint session, ask an admin to register it for both units.'
        }`,
      step_needs_evidence: ({ stepId, unitCode, canDeclare }) =>
        stepId === 'youtube'
          ? `The \`youtube\` step is ticked only when the recording's link arrives: \`/rendicion video-link ${unitCode} <link>\`.${
              canDeclare
                ? ` If the recording was delivered another way, record it as declared without a link: \`/rendicion declare ${unitCode} youtube\`.`
                : ''
            }`
          : `The \`presentacion\` step is ticked only when the published page answers: \`/rendicion presentation ${unitCode} <link>\`.${
              canDeclare
                ? ` If the presentation was delivered another way, record it as declared without a link: \`/rendicion declare ${unitCode} presentacion\`.`
                : ''
            }`,
      step_not_declarable: ({ input }) =>
        `Only the \`youtube\` and \`presentacion\` steps can be declared without a link, not \`${input}\`. For example: \`/rendicion declare ${ex.unitCode} youtube\`.`,
      step_has_evidence: ({ stepId, unitCode }) =>
        `The \`${stepId}\` step of ${unitCode} is backed by its link: it is not a declaration. Nothing changed.`,
      step_needs_approval: ({ stepId, unitCode }) =>
        `The step \`${stepId}\` is ticked by the Directorate when it approves. Ask for it with \`/rendicion request-approval ${stepId} ${unitCode} "description of the material"\`.`,
    },
    arguments: {
      unit: 'The unit code',
      date: 'The date (e.g. 15/09/2026)',
      time: 'The time (e.g. 10:00)',
      platform: 'The platform (zoom, teams, meet, youtube, webex or facebook)',
      step: 'The step (e.g. invitacion)',
      user: 'The user',
      role: 'The role',
      dateTimePlatform: 'The date, time and platform of a new session',
      kind: 'The kind (video, photos or cultural)',
      description: 'The description in quotes',
      requestId: 'The request number',
      tweetText: 'The text of the tweet, in quotes',
      youtubeLink: 'The YouTube video link',
      declarableStep: 'the step (youtube or presentacion)',
      pageLink: 'The address of the page',
    },
    commands: {
      ayuda: {
        description: 'Shows the commands you can use, or the details of one.',
        usage: '/rendicion help [command]',
        examples: ['/rendicion help', '/rendicion help register'],
        details: [],
      },
      registrar: {
        description: "Registers or reschedules a unit's session.",
        usage:
          '/rendicion register <unit> <date> <time> <platform> [room="..."] [email=...] [link=https://...] [attendance=N] [video=yes] [photos=yes] [cultural=yes]',
        examples: [
          register,
          `/rendicion register ${ex.unitCode} ${ex.date} 15:30 teams room="Main hall" email=questions@example.gob.ec video=yes`,
          `/rendicion register ${ex.unitCode} attendance=120`,
        ],
        details: [
          "Date: `15/09/2026`, `2026-09-15`, `today`, `tomorrow` or a weekday (`thursday`: the next one). 24-hour time: `10:00`, `10h00` or `10h`, in the unit's local time (Galápagos is an hour behind the mainland).",
          'Platform: `zoom`, `teams`, `meet`, `youtube`, `webex` or `facebook` (Facebook is accepted, but the memo advises against it).',
          '`room=` where the session takes place · `email=` address for later questions · `attendance=` expected audience.',
          '`link=` public address to join or watch the session (https, on the platform or an institutional domain): shown on the public agenda.',
          "`video=yes`, `photos=yes`, `cultural=yes`: the session shows that material or segment (needs the Directorate's approval).",
          'If the session is already registered you can change only the options, without repeating date, time and platform.',
          'An admin can register outside the campaign period with `force=yes`.',
          'If the same officer, or the same room in the province, has another session less than 2 hours away, the bot warns (and registers anyway).',
        ],
      },
      estado: {
        description: 'Shows the progress of a unit, a province or the whole campaign.',
        usage: '/rendicion status [unit | province [page] | all]',
        examples: [
          `/rendicion status ${ex.unitCode}`,
          '/rendicion status Pichincha',
          '/rendicion status Pichincha 2',
          '/rendicion status all',
        ],
        details: [
          'With no argument it shows your units if you are an officer, or the whole campaign.',
          'For a province it lists up to 25 units and says how many more there are; a page number after the province shows the next ones, 25 at a time.',
        ],
      },
      marcar: {
        description: "Ticks (or unticks with `no`) a step of a unit's checklist.",
        usage: '/rendicion check <unit> <step> [no]',
        examples: [`/rendicion check ${ex.unitCode} invitacion`, `/rendicion check ${ex.unitCode} invitacion no`],
        details: [
          'The `youtube` and `presentacion` steps are not ticked by hand: their evidence ticks them (`/rendicion video-link`, `/rendicion presentation`). If they were delivered another way, the Directorate uses `/rendicion declare`.',
        ],
      },
      resumen: {
        description:
          "Campaign summary: progress, today's and tomorrow's sessions, overdue steps and pending approvals.",
        usage: '/rendicion summary [chart] [today | tomorrow [page]]',
        examples: ['/rendicion summary', '/rendicion summary chart', '/rendicion summary today 2'],
        details: [
          'With `chart` it adds a picture of progress by province and by phase (the console saves it as a PNG).',
          "Each list shows up to 25 lines and says how many more there are. With `today` or `tomorrow` and a page number you see the rest of that day's sessions, 25 at a time.",
          'The bot posts this summary, with the chart, to the summary channel on its schedule.',
        ],
      },
      solicitar: {
        description: 'Asks the Directorate to approve a video, photos or a cultural segment.',
        usage: '/rendicion request-approval <video | photos | cultural> <unit> "<description>" [link]',
        examples: [
          `/rendicion request-approval video ${ex.unitCode} "3-minute institutional video" https://drive.google.com/file/d/abc`,
          `/rendicion request-approval cultural ${ex.unitCode} "Folk dance by the hospital's group, 10 minutes"`,
        ],
        details: [
          "The request reaches the Directorate's channel with Approve and Reject buttons; you will be told the decision.",
          'It must be decided before the session: if still pending near the date the Directorate is warned, and it expires when the session starts.',
          'A new request after a rejection is linked to the rejected one, so the Directorate sees the history.',
        ],
      },
      solicitud: {
        description: 'Shows, approves, rejects (with a reason) or withdraws a request.',
        usage: '/rendicion request <number> | approve <number> | reject <number> "<reason>" | withdraw <number>',
        examples: [
          '/rendicion request 12',
          '/rendicion request approve 12',
          '/rendicion request reject 12 "The video is longer than 3 minutes"',
          '/rendicion request withdraw 12',
        ],
        details: [
          'Approve and reject: the Directorate only, never for its own request. Withdraw: only whoever asked.',
          'Withdrawing a request for a video, photos or a cultural segment takes back the note asking put on the session: its approval stops being pending.',
        ],
      },
      solicitudes: {
        description: 'Lists the requests with their state and age.',
        usage: '/rendicion requests [pending | all | unit] [page]',
        examples: [
          '/rendicion requests',
          `/rendicion requests ${ex.unitCode}`,
          '/rendicion requests all',
          '/rendicion requests pending 2',
        ],
        details: [
          'With no argument it shows the pending ones.',
          'It shows 25 per page; a page number after the filter shows the next ones.',
        ],
      },
      recordatorios: {
        description: 'Turns your reminders about overdue steps on or off.',
        usage: '/rendicion reminders [on | off]',
        examples: ['/rendicion reminders', '/rendicion reminders off', '/rendicion reminders on'],
        details: [
          'The bot sends the officer a direct message when a step of their session is overdue: once a day per step, never in quiet hours.',
          'Each reminder has buttons to tick the step or to snooze the reminders (1 h, 4 h or until tomorrow).',
          'With no argument it shows your setting; an admin also sees who turned them off.',
        ],
      },
      tuit: {
        description:
          "Prepares a live tweet of a session: checks it against the policy and posts it in the session's thread.",
        usage: '/rendicion tweet <unit> "<text>"',
        examples: [`/rendicion tweet ${ex.unitCode} "Our accountability session starts now. Follow it live."`],
        details: [
          'Adds the campaign hashtag if missing, counts characters as X does (each link is 23) and checks rules 2, 4, 10, 11 and 12.',
          "Communication and the Directorate publish from the preview; an officer's tweet, or one with an external link, goes through the Directorate's approval.",
          'The tweets of one session form a thread: each replies to the previous one.',
        ],
      },
      'tuit-fijo': {
        description: "Prepares, posts and follows the campaign's pinned tweet (website and hashtag).",
        usage: '/rendicion pinned-tweet',
        examples: ['/rendicion pinned-tweet'],
        details: [
          "It is written from the campaign's name, period, website section and hashtag, and checked against the policy.",
          'If nobody posted it before, the bot posts it when the campaign starts.',
          "X's API cannot pin a tweet: the bot asks the Directorate to pin it by hand, checks the account for the pin, and reminds them to unpin it when the campaign ends.",
        ],
      },
      youtube: {
        description: "Records the YouTube link of a session's recording (the deliverable of the 126 links).",
        usage: '/rendicion youtube <unit> <link>',
        examples: [`/rendicion youtube ${ex.unitCode} https://youtu.be/dQw4w9WgXcQ`],
        details: [
          'Accepts `watch?v=`, `youtu.be/`, `live/` and `shorts/`, with or without parameters.',
          'With a YouTube key configured, the bot checks the video exists, is on the campaign\'s channel, is not private, has finished processing and is not older than the session; otherwise it is stored "unverified".',
          'A different link for the same unit replaces the previous one after a confirmation; the audit log keeps both.',
          "A link YouTube refused is not the unit's link: it does not count, and the next one goes straight in, without a question.",
          'A video that is already the link of another unit is refused, naming it; an admin may register it anyway with `force=yes` (a joint session).',
        ],
      },
      enlaces: {
        description: 'Lists the reported YouTube links and the missing ones.',
        usage: '/rendicion links [province | all] [page]',
        examples: ['/rendicion links', '/rendicion links Pichincha', '/rendicion links all 2'],
        details: [
          'Counts only the links that hold (verified or unverified); shows apart the ones YouTube refused, with the reason, and the "declared without a link".',
          'Lists up to 25 units, by province in alphabetical order, and says how many more there are; a page number shows the next ones.',
        ],
      },
      declarar: {
        description:
          'Records that a unit delivered its recording or presentation another way: the step is "declared without a link".',
        usage: '/rendicion declare <unit> <youtube | presentacion> [no]',
        examples: [`/rendicion declare ${ex.unitCode} youtube`, `/rendicion declare ${ex.unitCode} youtube no`],
        details: [
          'The `youtube` and `presentacion` steps are ticked by their evidence alone (the YouTube link, the published page); `check` does not tick them.',
          'A declared step counts apart in every total (`status all`, `summary`, `links`, the CSV and the sheet): "1 declared without a link".',
          'With `no` the declaration is withdrawn. If the link arrives later, the step counts as a link.',
        ],
      },
      presentacion: {
        description: "Records where the unit's presentation was published on the institute's website.",
        usage: '/rendicion presentation <unit> <link>',
        examples: [`/rendicion presentation ${ex.unitCode} https://www.example.gob.ec/accountability/2026/report.pdf`],
        details: [
          "Only links on the campaign's institutional domains are accepted.",
          'The bot checks the page answers; if it answers with an error you are told the HTTP status. Once it answers, the `presentacion` step is ticked.',
          'If the page cannot be opened in 3 attempts (no answer, unknown domain, bad certificate), you are told why in a direct message and the step stays unticked.',
        ],
      },
      hoja: {
        description: "Rebuilds the campaign's Google Sheet (a row per unit, a column per step).",
        usage: '/rendicion sheet',
        examples: ['/rendicion sheet'],
        details: [
          'The sheet updates itself after every change and when a step becomes overdue (at most once a minute); this rewrites it whole.',
          "If Google fails, the sheet is tried again later (after 30 seconds, then less and less often, up to every 30 minutes). The headers are in the bot's language.",
        ],
      },
      exportar: {
        description: 'Exports a CSV of every session, every step (state, who and when) and its YouTube link.',
        usage: '/rendicion export',
        examples: ['/rendicion export'],
        details: [
          'UTF-8 with a BOM, so spreadsheets show accents right. In Slack and Discord it arrives as a file; the console saves it under ./exports/.',
        ],
      },
      'alerta-cuenta': {
        description: 'Reports that the institutional X account may be compromised and pauses all publishing.',
        usage: '/rendicion account-alert ["what you saw"] | account-alert resolve',
        examples: [
          '/rendicion account-alert "A tweet nobody on the team wrote was posted"',
          '/rendicion account-alert resolve',
        ],
        details: [
          "Policy rule 13: the Directorate's channel and the admins are told at once.",
          'While the alert is open, tweets wait in the queue; none is lost.',
          'Only an admin closes it with `resolve`, and publishing resumes.',
        ],
      },
      rol: {
        description: 'Gives or removes roles (admins only).',
        usage: '/rendicion role [<user> [directorate | communication | officer:UNIT | admin] [remove]]',
        examples: [
          '/rendicion role @ana directorate',
          `/rendicion role @luis officer:${ex.unitCode}`,
          '/rendicion role @luis communication remove',
          '/rendicion role',
        ],
        details: [
          'With no arguments it lists every role; with only the user it shows theirs.',
          "The officers named in the unit roster (column `responsable`) are already their unit's officers.",
        ],
      },
    },
    phases: { antes: 'Before', durante: 'During', despues: 'After' },
    steps: {
      fecha: 'Date and time set',
      invitacion: 'Digital invitation sent (names the medium)',
      publico: 'Audience gathered (expected attendance)',
      sala: 'Suitable room, following biosafety rules',
      imagen: 'Institutional graphic line (flags, banner, backdrop)',
      moderador: 'Moderator appointed',
      conexion: 'Person in charge of connection and recording',
      preguntas: 'Person who gathers and filters questions',
      guion: "Directorate's agenda and script received",
      video: 'Video or photos approved by the Directorate',
      cultural: 'Cultural segment approved by the Directorate',
      correo: 'E-mail for later questions designated',
      invitados: 'Guests connected before starting',
      grabacion: 'Session recorded',
      filtrado: 'Questions filtered and summarised for the authority',
      'aviso-correo': 'Citizens told the e-mail for questions',
      youtube: 'Recording on YouTube and link sent',
      prensa: 'Media material sent (bulletin, video, photos)',
      presentacion: 'Presentation published on the website',
      respuestas: 'Questions received by e-mail answered',
    },
    stepStates: { done: 'done', pending: 'pending', overdue: 'overdue', not_applicable: 'not applicable' },
    platforms: PLATFORM_NAMES,
    yes: 'yes',
    no: 'no',
    none: '—',
    roles: {
      admin: 'admin',
      directorate: 'Directorate',
      communication: 'Communication',
      officer: 'officer',
      none: 'no role (read only)',
    },
    officerOf: (unitCodes) => `officer of ${unitCodes}`,
    help: {
      title: '/rendicion commands',
      intro: 'Type `/rendicion <command>`. For the details of one: `/rendicion help <command>`.',
      youAre: (roles) => `You are: ${roles}.`,
      detailTitle: (name) => `/rendicion ${name}`,
      usage: 'Usage',
      examples: 'Examples',
      aliases: (aliases) => `Also in Spanish: ${aliases}`,
      stepsHeading: 'Checklist steps (type the id)',
      stepLine: (id, label, due) => `\`${id}\` — ${label} (${due})`,
      dueBefore: (amount) => `due ${amount} before`,
      dueAfter: (amount) => `due ${amount} after`,
      dueAtStart: 'due at the start',
      hours: (count) => (count === 1 ? '1 hour' : `${count} hours`),
      days: (count) => (count === 1 ? '1 day' : `${count} days`),
      onlyIf: { showsMaterial: 'only if it shows video or photos', hasCulturalSegment: 'only with a cultural segment' },
      byRegistration: 'ticked by registering',
      byEvidence: {
        youtubeLink: 'ticked only by its link: `/rendicion video-link <unit> <link>`',
        presentationPage: 'ticked only when the page answers: `/rendicion presentation <unit> <link>`',
      },
    },
    register: {
      createdTitle: (unitCode) => `Session registered: ${unitCode}`,
      updatedTitle: (unitCode) => `Session updated: ${unitCode}`,
      unchangedTitle: (unitCode) => `No change: ${unitCode} was already registered like this`,
      fields: {
        unit: 'Unit',
        province: 'Province',
        when: 'Date and time',
        platform: 'Platform',
        room: 'Room',
        questionsEmail: 'E-mail for questions',
        joinUrl: 'Link to join or watch',
        attendance: 'Expected attendance',
        material: 'Video or photos',
        cultural: 'Cultural segment',
      },
      video: 'video',
      photos: 'photos',
      facebookWarning:
        '⚠️ The memo advises against Facebook because of the volume of questions. Registered anyway; if you can, use Zoom, Teams, Meet or YouTube Live.',
      forcedOutsideWindow: 'Registered outside the campaign period by an admin.',
      officerClash: (unitCode, when, officer) =>
        `⚠️ At the same time: ${unitCode}'s session (${when}) has the same officer, ${officer}. Registered anyway; if they cannot attend both, change the time or get help.`,
      roomClash: (unitCode, when, room) =>
        `⚠️ At the same time: ${unitCode}'s session (${when}) uses the same room, “${room}”. Registered anyway; make sure the room fits both, or change the time or the room.`,
      rescheduledFrom: (previous) => `Rescheduled: it was ${previous}.`,
      nextStep: (stepLabel, due, command) => `Next step: ${stepLabel}, ${due}. When done: \`${command}\``,
    },
    status: {
      eventTitle: (unitCode, unitName) => `${unitCode} · ${unitName}`,
      notRegistered: (unitCode) =>
        `No session registered yet. To register it: \`/rendicion register ${unitCode} ${ex.date} 10:00 zoom\``,
      progress: 'Progress',
      doneBy: (who, when) => `${who}, ${when}`,
      dueOn: (when) => `due ${when}`,
      overdueSince: (when) => `overdue since ${when}`,
      notApplicable: 'not applicable',
      tickButton: (stepId) => `Tick ${stepWord(stepId)}`,
      provinceTitle: (province) => `Province: ${province}`,
      provinceLine: (unitCode, unitName, when, done, total, overdue) =>
        `\`${unitCode}\` ${unitName} — ${when} — ${done}/${total} steps${overdue ? ` — ⚠️ ${overdue} overdue` : ''}`,
      unregisteredLine: (unitCode, unitName) => `\`${unitCode}\` ${unitName} — not registered`,
      moreUnits: (count, command) =>
        `… and ${count} more unit${count === 1 ? '' : 's'}; to see ${count === 1 ? 'it' : 'them'} type \`${command}\`.`,
      provinceCommand: (province, page) => `/rendicion status ${typedWord(province)} ${page}`,
      campaignTitle: (name) => `Campaign status: ${name}`,
      window: 'Period',
      units: 'Units',
      registered: 'Sessions registered',
      held: 'Held',
      withYoutube: 'With YouTube link',
      withPresentation: 'Presentation published',
      withDeclared: (figure, declared) => (declared > 0 ? `${figure} · ${declared} declared without a link` : figure),
      declaredWithoutLink: 'declared without a link',
      overdueHeading: 'Overdue by unit (worst first)',
      overdueLine: (unitCode, count, steps) => `\`${unitCode}\`: ${count} overdue (${steps})`,
      noOverdue: 'No overdue steps.',
      andMore: (count) => `… and ${count} more unit${count === 1 ? '' : 's'} with overdue steps.`,
      eventsRegistered: 'Registered',
      phaseProgress: (phase) => `${phase} steps`,
      noEvents: 'No unit has registered its session yet.',
    },
    summary: {
      title: (name) => `Summary: ${name}`,
      sessionsTitle: (day) => `Sessions · ${day}`,
      sessionsCommand: (day, page) => `/rendicion summary ${day} ${page}`,
      moreSessions: (count, command) =>
        `… and ${count} more session${count === 1 ? '' : 's'}; to see ${count === 1 ? 'it' : 'them'} type \`${command}\`.`,
      morePendingApprovals: (count, command) =>
        `… and ${count} more pending approval${count === 1 ? '' : 's'}; to see ${count === 1 ? 'it' : 'them'} type \`${command}\`.`,
      todayHeading: (date) => `Today, ${date}`,
      tomorrowHeading: (date) => `Tomorrow, ${date}`,
      sessionLine: (time, unitCode, unitName, platform) => `${time} · \`${unitCode}\` ${unitName} · ${platform}`,
      noSessions: 'No sessions.',
      pendingApprovalsHeading: 'Pending approvals',
      pendingApprovalLine: (id, kind, unitCode, age, overdue) =>
        `#${id} ${kind} · \`${unitCode}\` · ${age}${overdue ? ' · ⚠️ overdue' : ''}`,
      noPendingApprovals: 'No pending approvals.',
      age: (days, hours) =>
        days > 0 ? `${days} d ${hours} h ago` : hours > 0 ? `${hours} h ago` : 'less than 1 h ago',
      demoNotice: 'Demo campaign: the data is fictitious.',
    },
    declare: {
      doneTitle: (unitCode, stepLabel) => `${unitCode}: ${stepLabel} — declared without a link`,
      doneText: (stepId) =>
        `The \`${stepId}\` step is done, and the totals count it apart as "declared without a link". If the link arrives, it will count as a link.`,
      alreadyDeclared: (unitCode, stepLabel, who, when) =>
        `${stepLabel} of ${unitCode} was already declared without a link by ${who} on ${when}; nothing changed.`,
      undoneTitle: (unitCode, stepLabel) => `${unitCode}: ${stepLabel} — declaration withdrawn`,
      undoneText: (stepId) => `The \`${stepId}\` step is pending again until its link arrives.`,
      notDeclared: (unitCode, stepLabel) => `${stepLabel} of ${unitCode} was not declared; nothing changed.`,
    },
    mark: {
      doneTitle: (stepLabel) => `✅ Ticked: ${stepLabel}`,
      alreadyDoneTitle: (stepLabel) => `Already ticked: ${stepLabel}`,
      alreadyDone: (who, when) => `It was already ticked by ${who} on ${when}; nothing changed.`,
      undoneTitle: (stepLabel) => `Unticked: ${stepLabel}`,
      notDone: 'That step was not ticked; nothing changed.',
    },
    role: {
      grantedTitle: 'Role given',
      granted: (userId, role) => `${userId} now has the role ${role}.`,
      alreadyHad: (userId, role) => `${userId} already had the role ${role}; nothing changed.`,
      revokedTitle: 'Role removed',
      revoked: (userId, role) => `${userId} no longer has the role ${role}.`,
      didNotHave: (userId, role) => `${userId} did not have the role ${role}; nothing changed.`,
      userTitle: (userId) => `Roles of ${userId}`,
      fromEnvironment: 'admin (from BOT_ADMINS)',
      fromRoster: (unitCodes) => `officer of ${unitCodes} (from the unit roster)`,
      noRoles: 'No roles: read only.',
      listTitle: 'Roles given',
      listLine: (userId, role, grantedBy) => `${userId} — ${role} (given by ${grantedBy})`,
      environmentLine: (userId) => `${userId} — admin (BOT_ADMINS)`,
      emptyList: 'Nobody has been given a role yet.',
    },
    approvals: {
      kinds: { video: 'video', fotos: 'photos', cultural: 'cultural segment', tuit: 'tweet' },
      states: {
        pending: 'pending',
        approved: 'approved',
        rejected: 'rejected',
        withdrawn: 'withdrawn',
        expired: 'expired',
      },
      cardTitle: (id, kind, unitCode) => `Request #${id}: ${kind} · ${unitCode}`,
      fields: {
        unit: 'Unit',
        province: 'Province',
        eventDate: 'Session',
        kind: 'Kind',
        description: 'Description',
        link: 'Link',
        requestedBy: 'Requested by',
        requestedAt: 'Requested',
      },
      resubmissionOf: (id, by, reason) => `Resubmission of request #${id}, rejected by ${by}: "${reason}".`,
      approveButton: 'Approve',
      rejectButton: 'Reject',
      reasonLabel: 'Reason for rejecting',
      reasonPlaceholder: 'For example: the video is longer than 3 minutes',
      approvedBy: (by, when) => `✅ Approved by ${by} on ${when}.`,
      rejectedBy: (by, when, reason) => `❌ Rejected by ${by} on ${when}: "${reason}".`,
      withdrawnBy: (by, when) => `↩️ Withdrawn by ${by} on ${when}.`,
      expiredAt: (when) => `⌛ Expired undecided: the session started on ${when}.`,
      pendingSince: (age) => `⏳ Pending, requested ${age}.`,
      submittedTitle: (id) => `Request #${id} sent to the Directorate`,
      submittedText: "The Directorate will see it in its approvals channel. You'll be told when it decides.",
      flagSet: (kind) => `The session is now marked as showing ${kind}.`,
      flagCleared: (kind) =>
        `The note that the session shows ${kind}, which this request had set, was removed: its approval is no longer pending. If it will, type \`/rendicion request-approval\` again.`,
      approvedTitle: (id) => `Request #${id} approved`,
      rejectedTitle: (id) => `Request #${id} rejected`,
      withdrawnTitle: (id) => `Request #${id} withdrawn`,
      expiredTitle: (id) => `Request #${id} expired`,
      stepTicked: (stepLabel) => `Step ticked: ${stepLabel}.`,
      stepAlreadyTicked: (stepLabel) => `The step was already ticked: ${stepLabel}.`,
      alreadyClosed: (id, state, by, when) => `Request #${id} is already ${state} (${by}, ${when}). Nothing changed.`,
      toRequester: {
        approved: (id, kind, unitCode, by) => `✅ Your request #${id} (${kind}, ${unitCode}) was approved by ${by}.`,
        rejected: (id, kind, unitCode, by, reason, retry) =>
          `❌ Your request #${id} (${kind}, ${unitCode}) was rejected by ${by}: "${reason}". You can send a new one: \`${retry}\``,
        expired: (id, kind, unitCode) =>
          `⌛ Your request #${id} (${kind}, ${unitCode}) expired undecided: the session has started.`,
      },
      escalationTitle: (id) => `⏰ Request #${id} still undecided`,
      escalationText: (kind, unitCode, when, age) =>
        `${unitCode}'s ${kind} request is still pending (requested ${age}) and the session is on ${when}. It expires when the session starts.`,
      listTitle: (scope) => `Requests: ${scope}`,
      scopePending: 'pending',
      scopeAll: 'all',
      listLine: (id, mark, kind, unitCode, description, state, age) =>
        `${mark} #${id} ${kind} · \`${unitCode}\` · "${description}" · ${state} · ${age}`,
      emptyList: 'There are no requests.',
      andMore: (count, command) => `… and ${count} more; to see ${count === 1 ? 'it' : 'them'} type \`${command}\`.`,
      pageCommand: (filter, page) => `/rendicion requests ${filter} ${page}`,
    },
    pageNotice: (page, pages, first, last, total) => `Page ${page} of ${pages}: ${first}–${last} of ${total}.`,
    reminders: {
      digestTitle: (unitCode) => `⏰ Overdue steps: ${unitCode}`,
      digestIntro: (unitName, when) => `${unitName}'s session is on ${when}. These steps are overdue:`,
      stepLine: (stepId, label, since) => `\`${stepId}\` ${label} (due ${since})`,
      doneButton: (stepId) => `Done: ${stepWord(stepId)}`,
      snoozeHour: 'Snooze 1 h',
      snoozeFourHours: 'Snooze 4 h',
      snoozeTomorrow: 'Until tomorrow',
      snoozedTitle: 'Reminders snoozed',
      snoozedText: (unitCode, until) => `No reminders about ${unitCode} until ${until}.`,
      footer: 'To stop these reminders: `/rendicion reminders off`.',
      stateTitle: 'Reminders',
      on: 'Your reminders are on.',
      off: 'Your reminders are off. To get them again: `/rendicion reminders on`.',
      turnedOn: 'Done: you will get reminders again.',
      turnedOff: 'Done: no more reminders. To get them again: `/rendicion reminders on`.',
      unchanged: 'It already was; nothing changed.',
      mutedHeading: 'With reminders turned off',
      noneMuted: 'Nobody turned them off.',
      mutedLine: (userId, since) => `${userId} (since ${since})`,
      lastReminded: (when, who) => `Last reminder: ${when}, to ${who}.`,
    },
    chart: {
      subtitle: (when, registered, total) =>
        `Checklist progress · ${when} · ${registered} of ${total} sessions registered`,
      byProvince: 'Steps done by province',
      byPhase: 'Steps done by phase',
      provinceNote: (registered, units, overdue) =>
        `${registered}/${units} registered${overdue ? ` · ⚠ ${overdue} overdue` : ''}`,
      phaseNote: (overdue) => (overdue ? `⚠ ${overdue} overdue` : 'nothing overdue'),
      title: 'Campaign chart',
      saved: (path) => `Chart saved to ${path}`,
      altText: 'Campaign progress by province and by phase',
    },
    tweets: {
      previewTitle: (unitCode) => `Tweet preview · ${unitCode}`,
      length: (weighted) => `Length as X counts it: ${weighted}/280`,
      hashtagAdded: (hashtag) => `The campaign hashtag was added, ${hashtag}.`,
      clean: 'It meets the policy rules checked automatically (2, 4, 10, 11 and 12).',
      blocked: 'It cannot be published like this: fix what is marked ⛔ and type the command again.',
      publishButton: 'Publish',
      cancelButton: 'Cancel',
      viaDirectorate: 'When you press Publish, the tweet goes to the Directorate for approval.',
      linkNeedsDirectorate: 'It has an external link: when you press Publish it goes to the Directorate for approval.',
      queuedTitle: 'Tweet queued',
      queuedText: "It will be posted on X in a few seconds; you'll get the link.",
      simulationText: 'Simulation mode: there are no X credentials, so the tweet will be marked as simulated.',
      sentToApprovalTitle: (id) => `Tweet sent to the Directorate (request #${id})`,
      sentToApprovalText: "It is posted when the Directorate approves it; you'll be told.",
      cancelledTitle: 'Tweet cancelled',
      alreadyHandled: (state) => `This tweet is already ${state}; nothing changed.`,
      states: {
        draft: 'a draft',
        awaiting_approval: "awaiting the Directorate's approval",
        queued: 'queued',
        sending: 'being posted',
        sent: 'posted',
        simulated: 'simulated',
        failed: 'failed',
        cancelled: 'cancelled',
      },
      published: (url) => `✅ Tweet posted: ${url}`,
      simulated: (text) => `🧪 Tweet simulated (no X credentials): "${text}"`,
      failed: (reason) => `❌ The tweet could not be posted: ${reason}`,
      reasons: {
        duplicate: 'X says that text is already on the account.',
        auth: 'X refused the credentials; tell an admin.',
        gaveUp: 'X did not answer after several tries; try again later.',
        refused: (status) => `X refused it (error ${status}).`,
      },
    },
    youtube: {
      receivedTitle: (unitCode) => `YouTube link received: ${unitCode}`,
      checking: "Checking the video on YouTube; you'll be told in a moment.",
      unverified: (ticked) =>
        `Stored "unverified": no YouTube key is configured, so only the link's form was checked. ${ticked ? 'The `youtube` step was ticked.' : 'The `youtube` step was already ticked; it now counts with this link.'}`,
      alreadyReported: (url) => `That link was already recorded (${url}); nothing changed.`,
      replaceQuestion: (current, proposed) =>
        `This unit already has the link ${current}. Replace it with ${proposed}? The previous one stays in the audit log.`,
      replaceButton: 'Replace',
      verified: (unitCode, title) =>
        `✅ ${unitCode}'s video verified on YouTube: "${title}". The \`youtube\` step was ticked.`,
      refused: (unitCode, url, problem) =>
        `❌ ${unitCode}'s link (${url}) does not work: ${problem} Send the right link with \`/rendicion youtube ${unitCode} <link>\`.`,
      problems: {
        not_found: 'YouTube cannot find that video (was it copied right?).',
        private: 'the video is private; make it public or unlisted.',
        processing: 'YouTube is still processing the video; send it again when it is done.',
        other_channel: "the video is not on the campaign's channel; upload it there.",
        too_old: 'the video is older than the session (is it from another year?).',
      },
      states: { checking: 'checking', unverified: 'unverified', verified: 'verified', refused: 'refused' },
      listTitle: (scope) => `YouTube links: ${scope}`,
      all: 'the whole campaign',
      linkLine: (unitCode, unitName, url, state) => `\`${unitCode}\` ${unitName} — ${url} (${state})`,
      missingLine: (unitCode, unitName) => `\`${unitCode}\` ${unitName} — missing`,
      moreLinks: (count, command) =>
        `… and ${count} more ${count === 1 ? 'unit' : 'units'}; to see ${count === 1 ? 'it' : 'them'} type \`${command}\`.`,
      pageCommand: (province, page) =>
        `/rendicion links ${province === undefined ? 'all' : typedWord(province)} ${page}`,
      declaredLine: (unitCode, unitName) => `\`${unitCode}\` ${unitName} — declared without a link`,
      refusedLine: (unitCode, unitName, url, problem) =>
        `\`${unitCode}\` ${unitName} — missing (YouTube refused ${url}: ${problem})`,
      refusedState: (problem) => `refused: ${problem}`,
      counted: (reported, total, declared) =>
        `${reported} of ${total} links reported${declared > 0 ? ` · ${declared} declared without a link` : ''}.`,
      verifiedAlreadyDone: (unitCode, title) =>
        `✅ ${unitCode}'s video verified on YouTube: “${title}”. The \`youtube\` step was already done; it now counts with this link.`,
    },
    presentation: {
      receivedTitle: (unitCode) => `Presentation received: ${unitCode}`,
      checking: "Checking the page answers; you'll be told in a moment.",
      published: (unitCode, url) =>
        `✅ ${unitCode}'s presentation answers at ${url}. The \`presentacion\` step was ticked.`,
      refused: (unitCode, url, status) =>
        `❌ The page of ${unitCode}'s presentation (${url}) answers with error ${status}. Check the link and send it again with \`/rendicion presentation ${unitCode} <link>\`.`,
      publishedAlreadyDone: (unitCode, url) =>
        `✅ ${unitCode}'s presentation answers at ${url}. The \`presentacion\` step was already done; it now counts with this link.`,
      unreachable: (unitCode, url, reason, attempts) =>
        `❌ The page of ${unitCode}'s presentation (${url}) could not be opened in ${attempts} attempts: ${reason} The \`presentacion\` step stays unticked. Check the link and send it again with \`/rendicion presentation ${unitCode} <link>\`.`,
      reasons: {
        timeout: 'the site did not answer in time.',
        dns: 'that domain does not exist or cannot be found (is the address spelled right?).',
        connection: "the site's server refused the connection or is down.",
        tls: "the site's security certificate (https) is not valid.",
        network: 'there was no connection to the site.',
      },
    },
    sheet: {
      rebuildTitle: 'Spreadsheet',
      rebuildText: 'The sheet will be rewritten whole within a minute.',
      notConfigured: 'No Google Sheet is configured (GOOGLE_SHEET_ID). Use `/rendicion export` for a CSV.',
    },
    export: {
      title: 'Campaign export',
      done: (rows) => `CSV with ${rows} units, every step with its state, who and when.`,
      saved: (path) => `File saved to ${path}`,
      header: {
        unit: 'code',
        name: 'unit',
        province: 'province',
        when: 'date and time',
        whenIso: 'start (ISO 8601)',
        platform: 'platform',
        youtube: 'youtube link',
        youtubeState: 'link state',
        joinUrl: 'join link',
        stepBy: (stepId) => `${stepId} (by)`,
        stepAt: (stepId) => `${stepId} (when)`,
      },
    },
    pinned: {
      text: (name, from, to, url, hashtag) =>
        `${name}: from ${from} to ${to}, every unit is accountable to the public. Reports, streams and questions at ${url} ${hashtag}`,
      previewLabel: "the campaign's pinned tweet",
      statusTitle: "The campaign's pinned tweet",
      state: (state) => `State: ${state}.`,
      link: (url) => `Link: ${url}`,
      pinByHand: (url) =>
        `📌 X's API cannot pin tweets: pin it by hand on the account's profile (tweet menu ⋯ → Pin to your profile): ${url}`,
      seenPinned: 'The account shows it pinned. ✅',
      notSeenPinned: 'The account does not show it pinned yet.',
      confirmed: (url) => `📌 Confirmed: the campaign's tweet is pinned on the account (${url}).`,
      unpinReminder: (url) => `The campaign is over: unpin the campaign's tweet from the account's profile (${url}).`,
      autoQueued: "The campaign starts: the bot posts the campaign's pinned tweet. It must then be pinned by hand.",
    },
    accountAlert: {
      raisedTitle: '🚨 Alert: the X account may be compromised',
      raisedText: (by, when, note) =>
        `${by} reported on ${when} that the institutional account may be in someone else's hands${note ? `: "${note}"` : '.'} Publishing is paused. Check the account, change the passwords and close the alert with \`/rendicion account-alert resolve\` (admins only).`,
      alreadyOpen: (by, when) => `An alert is already open (${by}, ${when}); publishing stays paused.`,
      toReporter: 'The Directorate and the admins were told. Tweets stay queued until an admin closes the alert.',
      resolvedTitle: 'Alert closed: publishing resumes',
      resolvedText: (by, when) => `${by} closed the alert on ${when}. Queued tweets are posted now.`,
      noneOpen: 'No alert is open; publishing works normally.',
      pausedNotice: (by, when) =>
        `⏸️ Publishing is paused by an account alert (${by}, ${when}); the tweet will wait in the queue.`,
    },
    policy: {
      profanity: (words) =>
        `Rule 2 (insults and profanity): ${words}. The social-media policy forbids this language; remove it.`,
      externalLink: (hosts) =>
        `Rule 4 (external links): ${hosts} is not an institutional site. It is published only with the Directorate's approval and if the content concerns the institution.`,
      spelling: (words) => `Rule 10 (spelling): check ${words}.`,
      suggestion: (word, suggestions) => (suggestions ? `"${word}" (${suggestions}?)` : `"${word}"`),
      allCaps:
        'Rule 11 (capitals): the text is almost all in capitals. Write it in lower case; keep capitals for an acronym or one word of emphasis.',
      duplicate: (when) =>
        `Rule 12 (spam): it is the same or nearly the same as the tweet of ${when}. Change the text.`,
      tooMany: (count, minutes) =>
        `Rule 12 (spam): this session already has ${count} tweets in the last ${minutes} minutes. Wait before posting another.`,
      tooLong: (weightedLength) =>
        `Length: ${weightedLength} characters as X counts them (each link counts 23); the maximum is 280. Shorten it.`,
      clean: 'Nothing to report.',
      cliUsage:
        'Usage: npm run politica -- [file.txt | -] [--dominios a.gob.ec,b.org] [--json]\n       npm run politica -- --evaluar corpus.txt\nChecks one text per line (from a file or standard input) against the social-media policy; --evaluar measures the checker on a labelled corpus ("rules | text" per line).',
      evaluation: {
        badCorpus: (file, line) =>
          `${file}, line ${line}: write "labels | text", the rules separated by commas (2, 4, 10, 11, longitud) or "-" when the post is clean.`,
        summary: (total, clean) => `Corpus: ${total} posts, ${clean} clean and ${total - clean} breaking some rule.`,
        ruleName: (rule) => (rule === 'longitud' ? 'Length' : `Rule ${rule}`),
        recall: (rule, found, expected, percent) => `${rule}: found ${found} of ${expected} (${percent}).`,
        missed: (line, text) => `    missed line ${line}: ${text}`,
        falseAlarms: (count, clean, percent) => `False alarms: ${count} of ${clean} clean posts (${percent}).`,
        falseAlarm: (line, text, rules) => `    line ${line} (${rules}): ${text}`,
        targets: (minRecall, maxFalseAlarms, met) =>
          `Targets: at least ${minRecall} per rule and at most ${maxFalseAlarms} false alarms: ${met ? 'met' : 'NOT met'}.`,
      },
    },
    chat: {
      moreNotice: (hidden) =>
        `… ${hidden} more blocks do not fit in one message. Ask for something narrower, e.g. \`/rendicion status Pichincha\`.`,
      modalSubmit: 'Send',
      modalCancel: 'Cancel',
      inputRequired: 'Type the text before sending.',
      registerFormTitle: 'Register a session',
      requestFormTitle: 'Request an approval',
      fieldDate: 'Date',
      fieldTime: 'Time',
      fieldDateTime: 'Date and time',
      fieldFlags: 'The session includes',
      fieldKind: 'What needs approval',
      fieldDescription: 'Description of the material',
      fieldLink: 'Link to the material (optional)',
      unitPlaceholder: 'Search by code or name',
      fieldUnit: 'Unit (code)',
      fieldPlatform: 'Platform',
      fieldRoom: 'Room (optional)',
      fieldJoinUrl: 'Link to join or watch (optional)',
      dateTimePlaceholder: 'E.g. 15/09/2026 10:00, or tomorrow 10:00',
      platformPlaceholder: 'zoom, teams, meet, youtube, webex or facebook',
      kindPlaceholder: 'video, fotos or cultural',
      moreLinesNotice: (hidden) =>
        `… ${hidden} more lines do not fit. Ask for something narrower, e.g. \`/rendicion status Pichincha\`.`,
      unknownButton: 'This button is no longer available. Type the command again.',
    },
    agenda: {
      title: (campaign) => `Public agenda · ${campaign}`,
      intro:
        'The public accountability sessions: when they are, how to join or watch them, where to send your questions and, afterwards, the recording and the presentation.',
      skipToSessions: 'Skip to the sessions',
      provincesHeading: 'Provinces',
      allProvinces: 'All provinces',
      sessionsOf: (province) => `Sessions in ${province}`,
      unknownProvince: (input) => `There is no province called "${input}". Choose one from the list.`,
      noSessions: 'No session has been registered yet.',
      timesIn: (timeZone) => `Times in the campaign's time zone (${timeZone}).`,
      addAllToCalendar: 'Add every session to my calendar',
      addProvinceToCalendar: (province) => `Add the sessions in ${province} to my calendar`,
      addToCalendar: 'Add to my calendar',
      openData: 'Open data (JSON)',
      live: 'Live',
      time: 'Time',
      unit: 'Unit',
      province: 'Province',
      platform: 'Platform',
      join: 'Join or watch',
      joinLink: 'Join the session',
      joinLater: 'The link will be published before the session.',
      room: 'Venue',
      questions: 'Questions after the session',
      recording: 'Recording',
      recordingLink: 'Watch the recording',
      presentation: 'Presentation',
      presentationLink: 'See the presentation',
      footer: 'This page uses no JavaScript and no cookies. The same data: calendar (iCalendar) and open data (JSON).',
      calendarName: (campaign) => campaign,
      eventSummary: (unitName) => `Accountability session: ${unitName}`,
      eventJoin: (url) => `To join or watch: ${url}`,
      eventRoom: (room) => `Venue: ${room}`,
      eventQuestions: (email) => `Questions after the session: ${email}`,
      eventRecording: (url) => `Recording: ${url}`,
      eventPresentation: (url) => `Presentation: ${url}`,
      publicAt: (url) => `Public agenda for citizens: ${url}`,
    },
    console: {
      welcome: (campaign, user) =>
        `Console mode · ${campaign}\nYou are "${user}". Type \`/rendicion help\` to start, \`/yo <user>\` to switch user and \`/salir\` to quit.`,
      switchedUser: (user) => `You are now "${user}".`,
      whoAmI: (user) => `You are "${user}".`,
      buttonsHint: 'Type the number of a button to press it.',
      noSuchButton: (count) =>
        count === 0 ? 'There are no buttons to press.' : `No button has that number: choose 1 to ${count}.`,
      bye: 'Goodbye.',
      demoCreated: (windowStart, windowEnd, databasePath) =>
        `Created the demo campaign (126 fictitious units, ${windowStart} to ${windowEnd}) in ${databasePath}.`,
      channelHeader: (channel) => `📣 Channel ${channel === 'approvals' ? '#approvals' : '#summary'}`,
      directHeader: (userId) => `✉️ Direct message for ${userId}`,
      cardUpdatedHeader: (channel) => `✏️ Card updated in ${channel === 'approvals' ? '#approvals' : '#summary'}`,
      inputPrompt: (label) => `${label} (leave the line empty to cancel):`,
      inputCancelled: 'Cancelled: nothing changed.',
      inputCancelledByCommand: (command) =>
        `Cancelled: you typed the command \`${command}\` instead of the text asked for, so nothing changed. To finish the action, press its button again.`,
    },
  };
}
