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
/** A step id as a word in a sentence or on a button, with the accents the id leaves out (`invitacion` → invitación). */
const STEP_WORDS: Record<string, string> = {
  invitacion: 'invitación',
  publico: 'público',
  conexion: 'conexión',
  grabacion: 'grabación',
  presentacion: 'presentación',
  youtube: 'YouTube',
};
const stepWord = (stepId: string) => STEP_WORDS[stepId] ?? stepId;

const list = (items: readonly string[]) => items.map((item) => `\`${item}\``).join(', ');

export function spanish(ex: Examples): Messages {
  const register = `/rendicion registrar ${ex.unitCode} ${ex.date} 10:00 zoom`;
  return {
    locale: 'es',
    errorTitle: 'No se pudo completar',
    unexpectedError: (requestId) =>
      `Lo sentimos, algo falló de nuestro lado y no se guardó nada. Intente de nuevo en un momento; si se repite, avise a un administrador con el código ${requestId}.`,
    errors: {
      unknown_command: ({ input, suggestion }) =>
        suggestion
          ? `No conozco el comando \`${input}\`. ¿Quiso decir \`/rendicion ${suggestion}\`? Escriba \`/rendicion ayuda\` para ver todos.`
          : `No conozco el comando \`${input}\`. Escriba \`/rendicion ayuda\` para ver los comandos disponibles.`,
      unclosed_quote: () =>
        'Falta cerrar unas comillas. Escriba el texto entre comillas de apertura y cierre, por ejemplo: `sala="Auditorio principal"`.',
      missing_argument: ({ command, argument }) =>
        `Falta ${argument}. Escriba \`/rendicion ayuda ${command}\` para ver cómo usar el comando.`,
      too_many_arguments: ({ command, extra }) =>
        `Sobra \`${extra}\`. Si es un texto con espacios, póngalo entre comillas. Vea \`/rendicion ayuda ${command}\`.`,
      unknown_option: ({ command, option, allowed }) =>
        allowed.length
          ? `La opción \`${option}\` no existe en \`${command}\`. Opciones válidas: ${list(allowed)}.`
          : `El comando \`${command}\` no acepta opciones como \`${option}=...\`.`,
      invalid_option_value: ({ option, input, expected }) =>
        expected === 'yes_no'
          ? `\`${option}=${input}\` no es válido: escriba \`${option}=si\` o \`${option}=no\`.`
          : expected === 'number'
            ? `\`${option}=${input}\` no es válido: escriba un número entero, por ejemplo \`${option}=80\`.`
            : `\`${option}=${input}\` no es válido.`,
      unit_not_found: ({ input, suggestion }) =>
        suggestion
          ? `No encuentro la unidad \`${input}\`. ¿Quiso decir \`${suggestion}\`? Use el código de la unidad, por ejemplo \`${ex.unitCode}\`.`
          : `No encuentro la unidad \`${input}\`. Use el código de la unidad, por ejemplo \`${ex.unitCode}\`; \`/rendicion estado todo\` muestra las provincias.`,
      scope_not_found: ({ input, suggestion }) =>
        suggestion
          ? `No encuentro una unidad ni una provincia llamada \`${input}\`. ¿Quiso decir \`${suggestion}\`?`
          : `No encuentro una unidad ni una provincia llamada \`${input}\`. Escriba un código de unidad (\`/rendicion estado ${ex.unitCode}\`), una provincia (\`/rendicion estado Pichincha\`) o \`/rendicion estado todo\`.`,
      step_not_found: ({ input, suggestion }) =>
        suggestion
          ? `No existe el paso \`${input}\`. ¿Quiso decir \`${suggestion}\`? La lista completa está en \`/rendicion ayuda marcar\`.`
          : `No existe el paso \`${input}\`. La lista de pasos está en \`/rendicion ayuda marcar\`.`,
      step_not_applicable: ({ stepId, unitCode }) =>
        stepId === 'cultural'
          ? `El paso \`cultural\` no aplica a ${unitCode}: su rendición no tiene segmento cultural. Si lo tendrá, escriba \`/rendicion registrar ${unitCode} cultural=si\`.`
          : `El paso \`${stepId}\` no aplica a ${unitCode}: su rendición no muestra video ni fotos. Si los mostrará, escriba \`/rendicion registrar ${unitCode} video=si\` (o \`fotos=si\`).`,
      step_set_by_registration: ({ stepId, unitCode }) =>
        stepId === 'correo'
          ? `El paso \`correo\` se completa al registrar el correo para preguntas: \`/rendicion registrar ${unitCode} correo=preguntas@ejemplo.gob.ec\`.`
          : `El paso \`${stepId}\` se completa al registrar la fecha y la hora: \`/rendicion registrar ${unitCode} ${ex.date} 10:00 zoom\`.`,
      invalid_date: ({ input }) =>
        `\`${input}\` no es una fecha válida. Escriba día/mes/año, por ejemplo \`${ex.date}\`, o \`hoy\`, \`mañana\` o un día de la semana.`,
      invalid_time: ({ input }) =>
        `\`${input}\` no es una hora válida. Escriba la hora en formato de 24 horas, por ejemplo \`10:00\`, \`10h00\` o \`15h30\`.`,
      date_outside_window: ({ date, windowStart, windowEnd }) =>
        `El ${date} está fuera de la campaña (del ${windowStart} al ${windowEnd}). Elija una fecha dentro de ese periodo, por ejemplo \`${ex.date}\`.`,
      date_in_past: ({ when }) => `El ${when} ya pasó. Escriba una fecha y hora futuras, por ejemplo \`${register}\`.`,
      invalid_platform: ({ input, allowed }) =>
        `No conozco la plataforma \`${input}\`. Escriba una de estas: ${list(allowed)}.`,
      invalid_email: ({ input }) =>
        `\`${input}\` no parece un correo válido. Escriba una dirección completa, por ejemplo \`correo=preguntas@ejemplo.gob.ec\`.`,
      invalid_join_url: ({ input, platform, domains }) =>
        `\`${input}\` no sirve como enlace de la sesión en ${PLATFORM_NAMES[platform as MeetingPlatform] ?? platform}: escriba una dirección que empiece por https:// en ${list(domains)}, por ejemplo \`enlace=${JOIN_URL_EXAMPLES[platform as MeetingPlatform] ?? 'https://…'}\`.`,
      event_not_registered: ({ unitCode }) =>
        `${unitCode} aún no registra su rendición. Regístrela primero: \`/rendicion registrar ${unitCode} ${ex.date} 10:00 zoom\`.`,
      forbidden_command: ({ command, role }) =>
        role === 'admin'
          ? `Solo un administrador puede usar \`${command}\`. Pida a un administrador que lo haga por usted.`
          : role === 'directorate'
            ? `Solo la Dirección de Comunicación puede usar \`${command}\`.`
            : role === 'communication'
              ? `Solo el responsable de una unidad, Comunicación o la Dirección pueden usar \`${command}\`.`
              : `Solo el responsable de una unidad, la Dirección o un administrador puede usar \`${command}\`. Si usted es responsable, pida a un administrador: \`/rendicion rol <usuario> oficial:${ex.unitCode}\`.`,
      forbidden_unit: ({ unitCode }) =>
        `Usted no es responsable de ${unitCode}: solo puede cambiar sus propias unidades. Vea su estado con \`/rendicion estado ${unitCode}\`.`,
      forbidden_force: ({ command }) =>
        command === 'youtube'
          ? 'Solo un administrador puede registrar un video que ya tiene otra unidad (`forzar=si`). Envíe el enlace de la grabación de esta unidad.'
          : 'Solo un administrador puede registrar fuera del periodo de la campaña (`forzar=si`). Elija una fecha dentro del periodo.',
      invalid_user: ({ input }) =>
        `\`${input}\` no es un usuario válido. Mencione a la persona (\`@nombre\`) o escriba su identificador o correo.`,
      invalid_role: ({ input }) =>
        `No conozco el rol \`${input}\`. Escriba \`direccion\`, \`comunicacion\`, \`admin\` o \`oficial:${ex.unitCode}\`.`,
      role_from_environment: ({ userId }) =>
        `${userId} es administrador por la configuración del bot (BOT_ADMINS); ese rol solo se retira cambiando esa variable.`,
      unknown_action: () => 'Este botón ya no es válido. Vuelva a escribir el comando.',
      request_not_found: ({ id }) =>
        `No existe la solicitud #${id}. Vea las solicitudes con \`/rendicion solicitudes todas\`.`,
      invalid_request_id: ({ input }) =>
        `\`${input}\` no es un número de solicitud. Escriba el número que muestra la tarjeta, por ejemplo \`/rendicion solicitud aprobar 12\`.`,
      unknown_request_action: ({ input }) =>
        `No conozco \`${input}\`. Escriba \`/rendicion solicitud aprobar 12\`, \`/rendicion solicitud rechazar 12 "motivo"\`, \`/rendicion solicitud retirar 12\` o \`/rendicion solicitud 12\` para verla.`,
      invalid_kind: ({ input }) =>
        `No conozco el tipo \`${input}\`. Escriba \`video\`, \`fotos\` o \`cultural\`, por ejemplo \`/rendicion solicitar video ${ex.unitCode} "Video institucional de 3 minutos"\`.`,
      invalid_link: ({ input }) =>
        `\`${input}\` no es un enlace válido. Escriba la dirección completa, empezando por https://.`,
      text_too_long: ({ max }) => `El texto es demasiado largo: use como máximo ${max} caracteres.`,
      pending_request_exists: ({ id, kind, unitCode, requestedBy }) =>
        requestedBy === undefined
          ? `${unitCode} ya tiene pendiente la solicitud #${id} de ${kind}. Espere la decisión o retírela con \`/rendicion solicitud retirar ${id}\`.`
          : `${unitCode} ya tiene pendiente la solicitud #${id} de ${kind}, pedida por ${requestedBy}. Espere la decisión; solo ${requestedBy} puede retirarla. Véala con \`/rendicion solicitud ${id}\`.`,
      event_already_started: ({ unitCode, when }) =>
        `La rendición de ${unitCode} empezó el ${when}: ya no se pueden pedir aprobaciones para ella.`,
      own_request: ({ id }) =>
        `No puede decidir su propia solicitud #${id}: debe hacerlo otra persona de la Dirección.`,
      forbidden_decision: ({ id }) => `Solo la Dirección puede decidir la solicitud #${id}. No se cambió nada.`,
      not_requester: ({ id, requestedBy }) => `Solo quien pidió la solicitud #${id} (${requestedBy}) puede retirarla.`,
      reason_required: ({ id }) =>
        `Para rechazar hay que dar el motivo: \`/rendicion solicitud rechazar ${id} "el video supera los 3 minutos"\`.`,
      tweet_not_found: ({ id }) =>
        `No existe el borrador de tuit ${id}. Escriba de nuevo \`/rendicion tuit ${ex.unitCode} "texto"\`.`,
      tweet_blocked: () =>
        'El tuit no cumple la política de redes (vea las observaciones ⛔). Corríjalo y escriba de nuevo el comando.',
      forbidden_tweet: () =>
        'Solo quien escribió el borrador, Comunicación o la Dirección pueden publicarlo o cancelarlo.',
      invalid_youtube_link: ({ input }) =>
        `\`${input}\` no es el enlace de un video de YouTube. Copie el enlace del video, por ejemplo \`https://www.youtube.com/watch?v=dQw4w9WgXcQ\` o \`https://youtu.be/dQw4w9WgXcQ\`.`,
      invalid_link_for_presentation: ({ input }) =>
        `\`${input}\` no es una dirección web. Copie la dirección completa de la página, empezando por https://.`,
      not_institutional_link: ({ host, domains }) =>
        `${host} no es un sitio institucional de la campaña (${domains}). La presentación debe estar publicada en el sitio del instituto.`,
      invalid_page: ({ input, pages }) =>
        pages === undefined
          ? `\`${input}\` no es un número de página. Escriba un número entero desde 1, por ejemplo \`2\`.`
          : `La página ${input} no existe: la lista tiene ${pages} página${pages === 1 ? '' : 's'}.`,
      invalid_toggle: ({ input }) =>
        `No entiendo \`${input}\`. Escriba \`/rendicion recordatorios off\` para desactivarlos o \`/rendicion recordatorios on\` para activarlos.`,
      video_of_another_unit: ({ unitCode, otherUnitCode, url, canForce }) =>
        `Ese video ya es el enlace de ${otherUnitCode} (${url}); cada rendición tiene su propia grabación, así que no se guardó para ${unitCode}. Copie el enlace del video de ${unitCode}.${
          canForce
            ? ` Si de verdad es la misma grabación (una sesión conjunta), regístrelo igual con \`/rendicion youtube ${unitCode} ${url} forzar=si\`.`
            : ' Si fue una sesión conjunta, pida a un administrador que lo registre para las dos unidades.'
        }`,
      step_needs_evidence: ({ stepId, unitCode, canDeclare }) =>
        stepId === 'youtube'
          ? `El paso \`youtube\` se marca solo cuando llega el enlace de la grabación: \`/rendicion youtube ${unitCode} <enlace>\`.${
              canDeclare
                ? ` Si la grabación se entregó por otra vía, regístrela como declarada sin enlace: \`/rendicion declarar ${unitCode} youtube\`.`
                : ''
            }`
          : `El paso \`presentacion\` se marca solo cuando la página publicada responde: \`/rendicion presentacion ${unitCode} <enlace>\`.${
              canDeclare
                ? ` Si la presentación se entregó por otra vía, regístrela como declarada sin enlace: \`/rendicion declarar ${unitCode} presentacion\`.`
                : ''
            }`,
      step_not_declarable: ({ input }) =>
        `Solo se declaran sin enlace los pasos \`youtube\` y \`presentacion\`, no \`${input}\`. Por ejemplo: \`/rendicion declarar ${ex.unitCode} youtube\`.`,
      step_has_evidence: ({ stepId, unitCode }) =>
        `El paso \`${stepId}\` de ${unitCode} ya está respaldado por su enlace: no es una declaración. No se cambió nada.`,
      step_needs_approval: ({ stepId, unitCode }) =>
        `El paso \`${stepId}\` lo marca la Dirección al aprobar. Pídalo con \`/rendicion solicitar ${stepId} ${unitCode} "descripción del material"\`.`,
    },
    arguments: {
      unit: 'el código de la unidad',
      date: 'la fecha (por ejemplo 15/09/2026)',
      time: 'la hora (por ejemplo 10:00)',
      platform: 'la plataforma (zoom, teams, meet, youtube, webex o facebook)',
      step: 'el paso (por ejemplo invitacion)',
      user: 'el usuario',
      role: 'el rol',
      dateTimePlatform: 'la fecha, la hora y la plataforma de una rendición nueva',
      kind: 'el tipo (video, fotos o cultural)',
      description: 'la descripción entre comillas',
      requestId: 'el número de la solicitud',
      tweetText: 'el texto del tuit entre comillas',
      youtubeLink: 'el enlace del video de YouTube',
      declarableStep: 'el paso (youtube o presentacion)',
      pageLink: 'la dirección de la página',
    },
    commands: {
      ayuda: {
        description: 'Muestra los comandos que usted puede usar, o el detalle de uno.',
        usage: '/rendicion ayuda [comando]',
        examples: ['/rendicion ayuda', '/rendicion ayuda registrar'],
        details: [],
      },
      registrar: {
        description: 'Registra o reprograma la rendición de una unidad.',
        usage:
          '/rendicion registrar <unidad> <fecha> <hora> <plataforma> [sala="..."] [correo=...] [enlace=https://...] [asistentes=N] [video=si] [fotos=si] [cultural=si]',
        examples: [
          register,
          `/rendicion registrar ${ex.unitCode} ${ex.date} 15h30 teams sala="Auditorio principal" correo=preguntas@ejemplo.gob.ec video=si`,
          `/rendicion registrar ${ex.unitCode} asistentes=120`,
        ],
        details: [
          'Fecha: `15/09/2026`, `2026-09-15`, `hoy`, `mañana`, `pasado mañana` o un día de la semana (`jueves`: el próximo). Hora de 24 horas: `10:00`, `10h00` o `10h`, en la hora local de la unidad (Galápagos va una hora detrás del continente).',
          'Plataforma: `zoom`, `teams`, `meet`, `youtube`, `webex` o `facebook` (Facebook se acepta, pero el memorando no lo recomienda).',
          '`sala=` lugar de la sesión · `correo=` correo para preguntas posteriores · `asistentes=` público esperado.',
          '`enlace=` dirección pública para unirse o ver la sesión (https, de la plataforma o de un dominio institucional): sale en la agenda pública.',
          '`video=si`, `fotos=si`, `cultural=si`: la sesión mostrará ese material o segmento (necesita aprobación de la Dirección).',
          'Si la rendición ya está registrada, puede cambiar solo las opciones sin repetir fecha, hora y plataforma.',
          'Un administrador puede registrar fuera del periodo de la campaña con `forzar=si`.',
          'Si el mismo responsable, o la misma sala en la provincia, tiene otra rendición a menos de 2 horas, el bot avisa (y registra igual).',
        ],
      },
      estado: {
        description: 'Muestra el avance de una unidad, de una provincia o de toda la campaña.',
        usage: '/rendicion estado [unidad | provincia [página] | todo]',
        examples: [
          `/rendicion estado ${ex.unitCode}`,
          '/rendicion estado Pichincha',
          '/rendicion estado Pichincha 2',
          '/rendicion estado todo',
        ],
        details: [
          'Sin argumento muestra sus unidades si es responsable de alguna, o toda la campaña.',
          'De una provincia lista hasta 25 unidades y dice cuántas más hay; con un número de página después de la provincia se ven las siguientes, de 25 en 25.',
        ],
      },
      marcar: {
        description: 'Marca (o desmarca con `no`) un paso del checklist de una unidad.',
        usage: '/rendicion marcar <unidad> <paso> [no]',
        examples: [`/rendicion marcar ${ex.unitCode} invitacion`, `/rendicion marcar ${ex.unitCode} invitacion no`],
        details: [
          'Los pasos `youtube` y `presentacion` no se marcan a mano: los marca su evidencia (`/rendicion youtube`, `/rendicion presentacion`). Si se entregaron por otra vía, la Dirección usa `/rendicion declarar`.',
        ],
      },
      resumen: {
        description: 'Resumen de la campaña: avance, sesiones de hoy y mañana, atrasos y aprobaciones pendientes.',
        usage: '/rendicion resumen [grafico] [hoy | mañana [página]]',
        examples: ['/rendicion resumen', '/rendicion resumen grafico', '/rendicion resumen hoy 2'],
        details: [
          'Con `grafico` agrega una imagen con el avance por provincia y por fase (en la consola se guarda como PNG).',
          'Cada lista muestra hasta 25 líneas y dice cuántas más hay. Con `hoy` o `mañana` y un número de página se ven las demás sesiones de ese día, de 25 en 25.',
          'El bot publica este resumen, con el gráfico, en el canal de resúmenes según su horario.',
        ],
      },
      solicitar: {
        description: 'Pide a la Dirección que apruebe un video, fotos o un segmento cultural.',
        usage: '/rendicion solicitar <video | fotos | cultural> <unidad> "<descripción>" [enlace]',
        examples: [
          `/rendicion solicitar video ${ex.unitCode} "Video institucional de 3 minutos" https://drive.google.com/file/d/abc`,
          `/rendicion solicitar cultural ${ex.unitCode} "Danza folclórica del grupo del hospital, 10 minutos"`,
        ],
        details: [
          'La solicitud llega al canal de la Dirección con los botones Aprobar y Rechazar; le avisaremos la decisión.',
          'Debe decidirse antes de la rendición: si sigue pendiente cerca de la fecha se avisa a la Dirección, y vence cuando la rendición empieza.',
          'Si una solicitud fue rechazada, la nueva queda enlazada a la anterior para que la Dirección vea el historial.',
        ],
      },
      solicitud: {
        description: 'Ve, aprueba, rechaza (con motivo) o retira una solicitud.',
        usage: '/rendicion solicitud <número> | aprobar <número> | rechazar <número> "<motivo>" | retirar <número>',
        examples: [
          '/rendicion solicitud 12',
          '/rendicion solicitud aprobar 12',
          '/rendicion solicitud rechazar 12 "El video supera los 3 minutos"',
          '/rendicion solicitud retirar 12',
        ],
        details: [
          'Aprobar y rechazar: solo la Dirección, y nunca la solicitud propia. Retirar: solo quien la pidió.',
          'Retirar una solicitud de video, fotos o segmento cultural quita de la rendición la nota que puso al pedirla: su aprobación deja de estar pendiente.',
        ],
      },
      solicitudes: {
        description: 'Lista las solicitudes con su estado y antigüedad.',
        usage: '/rendicion solicitudes [pendientes | todas | unidad] [página]',
        examples: [
          '/rendicion solicitudes',
          `/rendicion solicitudes ${ex.unitCode}`,
          '/rendicion solicitudes todas',
          '/rendicion solicitudes pendientes 2',
        ],
        details: [
          'Sin argumento muestra las pendientes.',
          'Muestra 25 por página; un número de página después del filtro muestra las siguientes.',
        ],
      },
      recordatorios: {
        description: 'Activa o desactiva sus recordatorios de pasos atrasados.',
        usage: '/rendicion recordatorios [on | off]',
        examples: ['/rendicion recordatorios', '/rendicion recordatorios off', '/rendicion recordatorios on'],
        details: [
          'El bot avisa por mensaje directo al responsable cuando un paso de su rendición se atrasa: una vez al día por paso, nunca en horas de descanso.',
          'Cada aviso trae botones para marcar el paso como hecho o posponer los avisos (1 h, 4 h o hasta mañana).',
          'Sin argumento muestra su estado; a un administrador le muestra además quién los desactivó.',
        ],
      },
      tuit: {
        description:
          'Prepara un tuit en vivo de una rendición: lo revisa con la política de redes y lo publica en hilo.',
        usage: '/rendicion tuit <unidad> "<texto>"',
        examples: [
          `/rendicion tuit ${ex.unitCode} "Comienza la rendición de cuentas de nuestra unidad. Síganos en vivo."`,
        ],
        details: [
          'Agrega el hashtag de la campaña si falta, cuenta los caracteres como X (cada enlace vale 23) y revisa las reglas 2, 4, 10, 11 y 12.',
          'Comunicación y la Dirección publican desde la vista previa; el tuit de un oficial, o uno con un enlace externo, pasa por la aprobación de la Dirección.',
          'Los tuits de una misma rendición forman un hilo: cada uno responde al anterior.',
        ],
      },
      'tuit-fijo': {
        description: 'Prepara, publica y sigue el tuit fijado de la campaña (sitio web y hashtag).',
        usage: '/rendicion tuit-fijo',
        examples: ['/rendicion tuit-fijo'],
        details: [
          'Se compone con el nombre, el periodo, la sección del sitio web y el hashtag de la campaña, y se revisa con la política.',
          'Si nadie lo publicó antes, el bot lo publica solo al empezar la campaña.',
          'X no permite fijar tuits por API: el bot pide a la Dirección fijarlo a mano, comprueba en la cuenta si quedó fijado y recuerda desfijarlo al terminar la campaña.',
        ],
      },
      youtube: {
        description:
          'Registra el enlace de YouTube de la grabación de una rendición (el entregable de los 126 enlaces).',
        usage: '/rendicion youtube <unidad> <enlace>',
        examples: [`/rendicion youtube ${ex.unitCode} https://youtu.be/dQw4w9WgXcQ`],
        details: [
          'Acepta `watch?v=`, `youtu.be/`, `live/` y `shorts/`, con o sin parámetros.',
          'Con una clave de YouTube configurada, el bot verifica que el video exista, sea del canal de la campaña, no sea privado, ya esté procesado y no sea anterior a la rendición; si no, lo guarda "sin verificar".',
          'Un enlace distinto para la misma unidad reemplaza al anterior después de confirmarlo; el registro de auditoría guarda ambos.',
          'Un enlace que YouTube rechazó no es el de la unidad: no cuenta, y el siguiente entra directo, sin preguntar.',
          'Un video que ya es el enlace de otra unidad se rechaza diciendo cuál; un administrador puede registrarlo igual con `forzar=si` (sesión conjunta).',
        ],
      },
      enlaces: {
        description: 'Lista los enlaces de YouTube reportados y los que faltan.',
        usage: '/rendicion enlaces [provincia | todo] [página]',
        examples: ['/rendicion enlaces', '/rendicion enlaces Pichincha', '/rendicion enlaces todo 2'],
        details: [
          'Cuenta solo los enlaces que valen (verificados o sin verificar); muestra aparte los que YouTube rechazó, con el motivo, y los «declarado sin enlace».',
          'Lista hasta 25 unidades, por provincia en orden alfabético, y dice cuántas más hay; con un número de página se ven las siguientes.',
        ],
      },
      declarar: {
        description:
          'Registra que una unidad entregó la grabación o la presentación por otra vía: el paso queda «declarado sin enlace».',
        usage: '/rendicion declarar <unidad> <youtube | presentacion> [no]',
        examples: [`/rendicion declarar ${ex.unitCode} youtube`, `/rendicion declarar ${ex.unitCode} youtube no`],
        details: [
          'Los pasos `youtube` y `presentacion` se marcan solos con su evidencia (el enlace de YouTube, la página publicada); `marcar` no los marca.',
          'Lo declarado cuenta aparte en todos los totales (`estado todo`, `resumen`, `enlaces`, el CSV y la hoja): «1 declarado sin enlace».',
          'Con `no` se retira la declaración. Si después llega el enlace, el paso pasa a contar como enlace.',
        ],
      },
      presentacion: {
        description: 'Registra dónde se publicó la presentación de la unidad en el sitio web del instituto.',
        usage: '/rendicion presentacion <unidad> <enlace>',
        examples: [`/rendicion presentacion ${ex.unitCode} https://www.ejemplo.gob.ec/rendicion/2026/informe.pdf`],
        details: [
          'Solo se aceptan enlaces de los dominios institucionales de la campaña.',
          'El bot comprueba que la página responda; si responde con error, se lo dice con el código HTTP. Cuando responde, marca el paso `presentacion`.',
          'Si la página no se puede abrir en 3 intentos (no responde, el dominio no existe, el certificado no es válido), le avisa por mensaje directo por qué, y el paso queda sin marcar.',
        ],
      },
      hoja: {
        description: 'Reconstruye la hoja de Google Sheets de la campaña (una fila por unidad, una columna por paso).',
        usage: '/rendicion hoja',
        examples: ['/rendicion hoja'],
        details: [
          'La hoja se actualiza sola tras cada cambio y cuando un paso pasa a atrasado (como mucho una vez por minuto); este comando la reescribe entera.',
          'Si Google falla, la hoja se reintenta más tarde (a los 30 segundos, y cada vez más espaciado hasta cada 30 minutos). Las cabeceras van en el idioma del bot.',
        ],
      },
      exportar: {
        description: 'Exporta un CSV con cada rendición, cada paso (estado, quién y cuándo) y su enlace de YouTube.',
        usage: '/rendicion exportar',
        examples: ['/rendicion exportar'],
        details: [
          'UTF-8 con BOM, para que las hojas de cálculo muestren bien las tildes. En Slack y Discord llega como archivo; en la consola se guarda en ./exports/.',
        ],
      },
      'alerta-cuenta': {
        description: 'Avisa que la cuenta institucional de X puede estar tomada por terceros y pausa toda publicación.',
        usage: '/rendicion alerta-cuenta ["qué vio"] | alerta-cuenta resolver',
        examples: [
          '/rendicion alerta-cuenta "Se publicó un tuit que nadie del equipo escribió"',
          '/rendicion alerta-cuenta resolver',
        ],
        details: [
          'Regla 13 de la política: avisa de inmediato al canal de la Dirección y a los administradores.',
          'Mientras la alerta esté abierta, los tuits esperan en la cola; no se pierde ninguno.',
          'Solo un administrador la cierra con `resolver`, y la publicación se reanuda.',
        ],
      },
      rol: {
        description: 'Asigna o retira roles (solo administradores).',
        usage: '/rendicion rol [<usuario> [direccion | comunicacion | oficial:UNIDAD | admin] [quitar]]',
        examples: [
          '/rendicion rol @ana direccion',
          `/rendicion rol @luis oficial:${ex.unitCode}`,
          '/rendicion rol @luis comunicacion quitar',
          '/rendicion rol',
        ],
        details: [
          'Sin argumentos lista todos los roles; con solo el usuario muestra los suyos.',
          'Los responsables de la nómina de unidades (columna `responsable`) ya son oficiales de su unidad.',
        ],
      },
    },
    phases: { antes: 'Antes', durante: 'Durante', despues: 'Después' },
    steps: {
      fecha: 'Fecha y hora definidas',
      invitacion: 'Invitación digital enviada (indica el medio)',
      publico: 'Público convocado (asistencia esperada)',
      sala: 'Sala adecuada, con normas de bioseguridad',
      imagen: 'Línea gráfica institucional (banderas, banner, backdrop)',
      moderador: 'Moderador designado',
      conexion: 'Responsable de la conexión y la grabación',
      preguntas: 'Responsable de recopilar y filtrar preguntas',
      guion: 'Agenda y guion de la Dirección recibidos',
      video: 'Video o fotos aprobados por la Dirección',
      cultural: 'Segmento cultural aprobado por la Dirección',
      correo: 'Correo para preguntas posteriores designado',
      invitados: 'Invitados conectados antes de iniciar',
      grabacion: 'Sesión grabada',
      filtrado: 'Preguntas filtradas y resumidas para la autoridad',
      'aviso-correo': 'Ciudadanía informada del correo para preguntas',
      youtube: 'Grabación en YouTube y enlace enviado',
      prensa: 'Material para medios enviado (boletín, video, fotos)',
      presentacion: 'Presentación publicada en el sitio web',
      respuestas: 'Preguntas recibidas por correo respondidas',
    },
    stepStates: { done: 'hecho', pending: 'pendiente', overdue: 'atrasado', not_applicable: 'no aplica' },
    platforms: PLATFORM_NAMES,
    yes: 'sí',
    no: 'no',
    none: '—',
    roles: {
      admin: 'administrador',
      directorate: 'Dirección',
      communication: 'Comunicación',
      officer: 'oficial',
      none: 'sin rol (solo consulta)',
    },
    officerOf: (unitCodes) => `oficial de ${unitCodes}`,
    help: {
      title: 'Comandos de /rendicion',
      intro: 'Escriba `/rendicion <comando>`. Para ver el detalle de uno: `/rendicion ayuda <comando>`.',
      youAre: (roles) => `Usted es: ${roles}.`,
      detailTitle: (name) => `/rendicion ${name}`,
      usage: 'Uso',
      examples: 'Ejemplos',
      aliases: (aliases) => `También en inglés: ${aliases}`,
      stepsHeading: 'Pasos del checklist (escriba el identificador)',
      stepLine: (id, label, due) => `\`${id}\` — ${label} (${due})`,
      dueBefore: (amount) => `vence ${amount} antes`,
      dueAfter: (amount) => `vence ${amount} después`,
      dueAtStart: 'vence al inicio',
      hours: (count) => (count === 1 ? '1 hora' : `${count} horas`),
      days: (count) => (count === 1 ? '1 día' : `${count} días`),
      onlyIf: { showsMaterial: 'solo si muestra video o fotos', hasCulturalSegment: 'solo con segmento cultural' },
      byRegistration: 'se marca al registrar',
      byEvidence: {
        youtubeLink: 'se marca solo con el enlace: `/rendicion youtube <unidad> <enlace>`',
        presentationPage: 'se marca solo cuando la página responde: `/rendicion presentacion <unidad> <enlace>`',
      },
    },
    register: {
      createdTitle: (unitCode) => `Rendición registrada: ${unitCode}`,
      updatedTitle: (unitCode) => `Rendición actualizada: ${unitCode}`,
      unchangedTitle: (unitCode) => `Sin cambios: ${unitCode} ya estaba registrada así`,
      fields: {
        unit: 'Unidad',
        province: 'Provincia',
        when: 'Fecha y hora',
        platform: 'Plataforma',
        room: 'Sala',
        questionsEmail: 'Correo para preguntas',
        joinUrl: 'Enlace para unirse o ver',
        attendance: 'Asistentes esperados',
        material: 'Video o fotos',
        cultural: 'Segmento cultural',
      },
      video: 'video',
      photos: 'fotos',
      facebookWarning:
        '⚠️ El memorando recomienda no usar Facebook por el volumen de preguntas. Se registró igual; si puede, use Zoom, Teams, Meet o YouTube Live.',
      forcedOutsideWindow: 'Registrada fuera del periodo de la campaña por decisión de un administrador.',
      officerClash: (unitCode, when, officer) =>
        `⚠️ A la misma hora: la rendición de ${unitCode} (${when}) tiene el mismo responsable, ${officer}. Se registró igual; si no puede estar en las dos, cambie la hora o pida apoyo.`,
      roomClash: (unitCode, when, room) =>
        `⚠️ A la misma hora: la rendición de ${unitCode} (${when}) usa la misma sala, «${room}». Se registró igual; confirme que la sala alcanza para las dos o cambie la hora o la sala.`,
      rescheduledFrom: (previous) => `Reprogramada: antes era el ${previous}.`,
      nextStep: (stepLabel, due, command) => `Siguiente paso: ${stepLabel}, ${due}. Al cumplirlo: \`${command}\``,
    },
    status: {
      eventTitle: (unitCode, unitName) => `${unitCode} · ${unitName}`,
      notRegistered: (unitCode) =>
        `Aún no registra su rendición. Para registrarla: \`/rendicion registrar ${unitCode} ${ex.date} 10:00 zoom\``,
      progress: 'Avance',
      doneBy: (who, when) => `${who}, ${when}`,
      dueOn: (when) => `vence ${when}`,
      overdueSince: (when) => `atrasado desde ${when}`,
      notApplicable: 'no aplica',
      tickButton: (stepId) => `Marcar ${stepWord(stepId)}`,
      provinceTitle: (province) => `Provincia: ${province}`,
      provinceLine: (unitCode, unitName, when, done, total, overdue) =>
        `\`${unitCode}\` ${unitName} — ${when} — ${done}/${total} pasos${overdue ? ` — ⚠️ ${overdue} atrasado${overdue === 1 ? '' : 's'}` : ''}`,
      unregisteredLine: (unitCode, unitName) => `\`${unitCode}\` ${unitName} — sin registrar`,
      moreUnits: (count, command) =>
        `… y ${count} ${count === 1 ? 'unidad' : 'unidades'} más; para ${count === 1 ? 'verla' : 'verlas'} escriba \`${command}\`.`,
      provinceCommand: (province, page) => `/rendicion estado ${typedWord(province)} ${page}`,
      campaignTitle: (name) => `Estado de la campaña: ${name}`,
      window: 'Periodo',
      units: 'Unidades',
      registered: 'Rendiciones registradas',
      held: 'Realizadas',
      withYoutube: 'Con enlace de YouTube',
      withPresentation: 'Presentación publicada',
      withDeclared: (figure, declared) =>
        declared > 0 ? `${figure} · ${declared} declarada${declared === 1 ? '' : 's'} sin enlace` : figure,
      declaredWithoutLink: 'declarado sin enlace',
      overdueHeading: 'Atrasos por unidad (los peores primero)',
      overdueLine: (unitCode, count, steps) => `\`${unitCode}\`: ${count} atrasado${count === 1 ? '' : 's'} (${steps})`,
      noOverdue: 'Sin pasos atrasados.',
      andMore: (count) => `… y ${count} unidad${count === 1 ? '' : 'es'} más con atrasos.`,
      eventsRegistered: 'Registradas',
      phaseProgress: (phase) => `Pasos ${phase.toLowerCase()}`,
      noEvents: 'Ninguna unidad registra aún su rendición.',
    },
    summary: {
      title: (name) => `Resumen: ${name}`,
      sessionsTitle: (day) => `Sesiones · ${day}`,
      sessionsCommand: (day, page) => `/rendicion resumen ${day === 'today' ? 'hoy' : 'mañana'} ${page}`,
      moreSessions: (count, command) =>
        `… y ${count} ${count === 1 ? 'sesión' : 'sesiones'} más; para ${count === 1 ? 'verla' : 'verlas'} escriba \`${command}\`.`,
      morePendingApprovals: (count, command) =>
        `… y ${count} ${count === 1 ? 'aprobación pendiente' : 'aprobaciones pendientes'} más; para ${count === 1 ? 'verla' : 'verlas'} escriba \`${command}\`.`,
      todayHeading: (date) => `Hoy, ${date}`,
      tomorrowHeading: (date) => `Mañana, ${date}`,
      sessionLine: (time, unitCode, unitName, platform) => `${time} · \`${unitCode}\` ${unitName} · ${platform}`,
      noSessions: 'Sin sesiones.',
      pendingApprovalsHeading: 'Aprobaciones pendientes',
      pendingApprovalLine: (id, kind, unitCode, age, overdue) =>
        `#${id} ${kind} · \`${unitCode}\` · ${age}${overdue ? ' · ⚠️ atrasada' : ''}`,
      noPendingApprovals: 'Ninguna aprobación pendiente.',
      age: (days, hours) =>
        days > 0 ? `hace ${days} d ${hours} h` : hours > 0 ? `hace ${hours} h` : 'hace menos de 1 h',
      demoNotice: 'Campaña de demostración: los datos son ficticios.',
    },
    declare: {
      doneTitle: (unitCode, stepLabel) => `${unitCode}: ${stepLabel} — declarado sin enlace`,
      doneText: (stepId) =>
        `El paso \`${stepId}\` queda hecho, y los totales lo cuentan aparte como «declarado sin enlace». Si llega el enlace, pasará a contar como enlace.`,
      alreadyDeclared: (unitCode, stepLabel, who, when) =>
        `${stepLabel} de ${unitCode} ya estaba declarado sin enlace por ${who} el ${when}; no se cambió nada.`,
      undoneTitle: (unitCode, stepLabel) => `${unitCode}: ${stepLabel} — declaración retirada`,
      undoneText: (stepId) => `El paso \`${stepId}\` vuelve a estar pendiente hasta que llegue su enlace.`,
      notDeclared: (unitCode, stepLabel) => `${stepLabel} de ${unitCode} no estaba declarado; no se cambió nada.`,
    },
    mark: {
      doneTitle: (stepLabel) => `✅ Marcado: ${stepLabel}`,
      alreadyDoneTitle: (stepLabel) => `Ya estaba marcado: ${stepLabel}`,
      alreadyDone: (who, when) => `Ya estaba marcado por ${who} el ${when}; no se cambió nada.`,
      undoneTitle: (stepLabel) => `Desmarcado: ${stepLabel}`,
      notDone: 'Ese paso no estaba marcado; no se cambió nada.',
    },
    role: {
      grantedTitle: 'Rol asignado',
      granted: (userId, role) => `${userId} ahora tiene el rol ${role}.`,
      alreadyHad: (userId, role) => `${userId} ya tenía el rol ${role}; no se cambió nada.`,
      revokedTitle: 'Rol retirado',
      revoked: (userId, role) => `${userId} ya no tiene el rol ${role}.`,
      didNotHave: (userId, role) => `${userId} no tenía el rol ${role}; no se cambió nada.`,
      userTitle: (userId) => `Roles de ${userId}`,
      fromEnvironment: 'administrador (por BOT_ADMINS)',
      fromRoster: (unitCodes) => `oficial de ${unitCodes} (por la nómina de unidades)`,
      noRoles: 'Sin roles: solo puede consultar.',
      listTitle: 'Roles asignados',
      listLine: (userId, role, grantedBy) => `${userId} — ${role} (asignado por ${grantedBy})`,
      environmentLine: (userId) => `${userId} — administrador (BOT_ADMINS)`,
      emptyList: 'Nadie tiene roles asignados todavía.',
    },
    approvals: {
      kinds: { video: 'video', fotos: 'fotos', cultural: 'segmento cultural', tuit: 'tuit' },
      states: {
        pending: 'pendiente',
        approved: 'aprobada',
        rejected: 'rechazada',
        withdrawn: 'retirada',
        expired: 'vencida',
      },
      cardTitle: (id, kind, unitCode) => `Solicitud #${id}: ${kind} · ${unitCode}`,
      fields: {
        unit: 'Unidad',
        province: 'Provincia',
        eventDate: 'Rendición',
        kind: 'Tipo',
        description: 'Descripción',
        link: 'Enlace',
        requestedBy: 'Solicitado por',
        requestedAt: 'Solicitado',
      },
      resubmissionOf: (id, by, reason) => `Reenvío de la solicitud #${id}, rechazada por ${by}: «${reason}».`,
      approveButton: 'Aprobar',
      rejectButton: 'Rechazar',
      reasonLabel: 'Motivo del rechazo',
      reasonPlaceholder: 'Por ejemplo: el video supera los 3 minutos',
      approvedBy: (by, when) => `✅ Aprobada por ${by} el ${when}.`,
      rejectedBy: (by, when, reason) => `❌ Rechazada por ${by} el ${when}: «${reason}».`,
      withdrawnBy: (by, when) => `↩️ Retirada por ${by} el ${when}.`,
      expiredAt: (when) => `⌛ Venció sin decisión: la rendición empezó el ${when}.`,
      pendingSince: (age) => `⏳ Pendiente, pedida ${age}.`,
      submittedTitle: (id) => `Solicitud #${id} enviada a la Dirección`,
      submittedText: 'La Dirección la verá en su canal de aprobaciones. Le avisaremos cuando decida.',
      flagSet: (kind) => `Se anotó en la rendición que mostrará ${kind}.`,
      flagCleared: (kind) =>
        `Se quitó de la rendición la nota de que mostrará ${kind}, que había puesto esta solicitud: su aprobación ya no está pendiente. Si lo mostrará, escriba \`/rendicion solicitar\` de nuevo.`,
      approvedTitle: (id) => `Solicitud #${id} aprobada`,
      rejectedTitle: (id) => `Solicitud #${id} rechazada`,
      withdrawnTitle: (id) => `Solicitud #${id} retirada`,
      expiredTitle: (id) => `Solicitud #${id} vencida`,
      stepTicked: (stepLabel) => `Se marcó el paso: ${stepLabel}.`,
      stepAlreadyTicked: (stepLabel) => `El paso ya estaba marcado: ${stepLabel}.`,
      alreadyClosed: (id, state, by, when) =>
        `La solicitud #${id} ya está ${state} (${by}, ${when}). No se cambió nada.`,
      toRequester: {
        approved: (id, kind, unitCode, by) => `✅ Su solicitud #${id} (${kind}, ${unitCode}) fue aprobada por ${by}.`,
        rejected: (id, kind, unitCode, by, reason, retry) =>
          `❌ Su solicitud #${id} (${kind}, ${unitCode}) fue rechazada por ${by}: «${reason}». Puede enviar una nueva: \`${retry}\``,
        expired: (id, kind, unitCode) =>
          `⌛ Su solicitud #${id} (${kind}, ${unitCode}) venció sin decisión: la rendición ya empezó.`,
      },
      escalationTitle: (id) => `⏰ Solicitud #${id} sin decidir`,
      escalationText: (kind, unitCode, when, age) =>
        `La solicitud de ${kind} de ${unitCode} sigue pendiente (pedida ${age}) y la rendición es el ${when}. Vence cuando la rendición empiece.`,
      listTitle: (scope) => `Solicitudes: ${scope}`,
      scopePending: 'pendientes',
      scopeAll: 'todas',
      listLine: (id, mark, kind, unitCode, description, state, age) =>
        `${mark} #${id} ${kind} · \`${unitCode}\` · «${description}» · ${state} · ${age}`,
      emptyList: 'No hay solicitudes.',
      andMore: (count, command) => `… y ${count} más; para ${count === 1 ? 'verla' : 'verlas'} escriba \`${command}\`.`,
      pageCommand: (filter, page) => `/rendicion solicitudes ${filter} ${page}`,
    },
    pageNotice: (page, pages, first, last, total) => `Página ${page} de ${pages}: ${first}–${last} de ${total}.`,
    reminders: {
      digestTitle: (unitCode) => `⏰ Pasos atrasados: ${unitCode}`,
      digestIntro: (unitName, when) => `La rendición de ${unitName} es el ${when}. Estos pasos ya vencieron:`,
      stepLine: (stepId, label, since) => `\`${stepId}\` ${label} (vencía el ${since})`,
      doneButton: (stepId) => `Hecho: ${stepWord(stepId)}`,
      snoozeHour: 'Posponer 1 h',
      snoozeFourHours: 'Posponer 4 h',
      snoozeTomorrow: 'Hasta mañana',
      snoozedTitle: 'Recordatorios pospuestos',
      snoozedText: (unitCode, until) => `No le recordaremos nada de ${unitCode} hasta el ${until}.`,
      footer: 'Para no recibir estos avisos: `/rendicion recordatorios off`.',
      stateTitle: 'Recordatorios',
      on: 'Sus recordatorios están activados.',
      off: 'Sus recordatorios están desactivados. Para volver a recibirlos: `/rendicion recordatorios on`.',
      turnedOn: 'Listo: volverá a recibir recordatorios.',
      turnedOff: 'Listo: no recibirá más recordatorios. Para volver a recibirlos: `/rendicion recordatorios on`.',
      unchanged: 'Ya estaba así; no se cambió nada.',
      mutedHeading: 'Con los recordatorios desactivados',
      noneMuted: 'Nadie los desactivó.',
      mutedLine: (userId, since) => `${userId} (desde el ${since})`,
      lastReminded: (when, who) => `Último recordatorio: ${when}, a ${who}.`,
    },
    chart: {
      subtitle: (when, registered, total) =>
        `Avance del checklist · ${when} · ${registered} de ${total} rendiciones registradas`,
      byProvince: 'Pasos cumplidos por provincia',
      byPhase: 'Pasos cumplidos por fase',
      provinceNote: (registered, units, overdue) =>
        `${registered}/${units} registradas${overdue ? ` · ⚠ ${overdue} atrasado${overdue === 1 ? '' : 's'}` : ''}`,
      phaseNote: (overdue) => (overdue ? `⚠ ${overdue} atrasado${overdue === 1 ? '' : 's'}` : 'sin atrasos'),
      title: 'Gráfico de la campaña',
      saved: (path) => `Gráfico guardado en ${path}`,
      altText: 'Avance de la campaña por provincia y por fase',
    },
    tweets: {
      previewTitle: (unitCode) => `Vista previa del tuit · ${unitCode}`,
      length: (weighted) => `Longitud según X: ${weighted}/280`,
      hashtagAdded: (hashtag) => `Se agregó el hashtag de la campaña, ${hashtag}.`,
      clean: 'Cumple las reglas de la política que se revisan solas (2, 4, 10, 11 y 12).',
      blocked: 'No se puede publicar así: corrija lo marcado con ⛔ y escriba de nuevo el comando.',
      publishButton: 'Publicar',
      cancelButton: 'Cancelar',
      viaDirectorate: 'Al pulsar Publicar, el tuit irá a la Dirección para su aprobación.',
      linkNeedsDirectorate: 'Tiene un enlace externo: al pulsar Publicar irá a la Dirección para su aprobación.',
      queuedTitle: 'Tuit en cola',
      queuedText: 'Se publicará en X en unos segundos; le avisaremos con el enlace.',
      simulationText: 'Modo simulación: no hay credenciales de X, así que el tuit se marcará como simulado.',
      sentToApprovalTitle: (id) => `Tuit enviado a la Dirección (solicitud #${id})`,
      sentToApprovalText: 'Se publicará cuando la Dirección lo apruebe; le avisaremos.',
      cancelledTitle: 'Tuit cancelado',
      alreadyHandled: (state) => `Este tuit ya está ${state}; no se cambió nada.`,
      states: {
        draft: 'en borrador',
        awaiting_approval: 'esperando la aprobación de la Dirección',
        queued: 'en cola',
        sending: 'publicándose',
        sent: 'publicado',
        simulated: 'simulado',
        failed: 'fallido',
        cancelled: 'cancelado',
      },
      published: (url) => `✅ Tuit publicado: ${url}`,
      simulated: (text) => `🧪 Tuit simulado (no hay credenciales de X): «${text}»`,
      failed: (reason) => `❌ No se pudo publicar el tuit: ${reason}`,
      reasons: {
        duplicate: 'X dice que ese texto ya está publicado en la cuenta.',
        auth: 'X rechazó las credenciales; avise a un administrador.',
        gaveUp: 'X no respondió tras varios intentos; vuelva a intentarlo más tarde.',
        refused: (status) => `X lo rechazó (error ${status}).`,
      },
    },
    youtube: {
      receivedTitle: (unitCode) => `Enlace de YouTube recibido: ${unitCode}`,
      checking: 'Verificando el video en YouTube; le avisaremos en un momento.',
      unverified: (ticked) =>
        `Guardado "sin verificar": no hay clave de YouTube configurada, así que solo se revisó la forma del enlace. ${ticked ? 'Se marcó el paso `youtube`.' : 'El paso `youtube` ya estaba marcado; ahora cuenta con este enlace.'}`,
      alreadyReported: (url) => `Ese enlace ya estaba registrado (${url}); no se cambió nada.`,
      replaceQuestion: (current, proposed) =>
        `Esta unidad ya tiene el enlace ${current}. ¿Reemplazarlo por ${proposed}? El anterior queda en el registro de auditoría.`,
      replaceButton: 'Reemplazar',
      verified: (unitCode, title) =>
        `✅ Video de ${unitCode} verificado en YouTube: «${title}». Se marcó el paso \`youtube\`.`,
      refused: (unitCode, url, problem) =>
        `❌ El enlace de ${unitCode} (${url}) no sirve: ${problem} Envíe el enlace correcto con \`/rendicion youtube ${unitCode} <enlace>\`.`,
      problems: {
        not_found: 'YouTube no encuentra ese video (¿está bien copiado?).',
        private: 'el video es privado; cámbielo a público o no listado.',
        processing: 'YouTube todavía está procesando el video; vuelva a enviarlo cuando termine.',
        other_channel: 'el video no está en el canal de la campaña; súbalo a ese canal.',
        too_old: 'el video es anterior a la rendición (¿es de otro año?).',
      },
      states: { checking: 'verificando', unverified: 'sin verificar', verified: 'verificado', refused: 'rechazado' },
      listTitle: (scope) => `Enlaces de YouTube: ${scope}`,
      all: 'toda la campaña',
      linkLine: (unitCode, unitName, url, state) => `\`${unitCode}\` ${unitName} — ${url} (${state})`,
      missingLine: (unitCode, unitName) => `\`${unitCode}\` ${unitName} — falta`,
      moreLinks: (count, command) =>
        `… y ${count} ${count === 1 ? 'unidad' : 'unidades'} más; para ${count === 1 ? 'verla' : 'verlas'} escriba \`${command}\`.`,
      pageCommand: (province, page) =>
        `/rendicion enlaces ${province === undefined ? 'todo' : typedWord(province)} ${page}`,
      declaredLine: (unitCode, unitName) => `\`${unitCode}\` ${unitName} — declarado sin enlace`,
      refusedLine: (unitCode, unitName, url, problem) =>
        `\`${unitCode}\` ${unitName} — falta (YouTube rechazó ${url}: ${problem})`,
      refusedState: (problem) => `rechazado: ${problem}`,
      counted: (reported, total, declared) =>
        `${reported} de ${total} enlaces reportados${declared > 0 ? ` · ${declared} declarado${declared === 1 ? '' : 's'} sin enlace` : ''}.`,
      verifiedAlreadyDone: (unitCode, title) =>
        `✅ Video de ${unitCode} verificado en YouTube: «${title}». El paso \`youtube\` ya estaba hecho; ahora cuenta con este enlace.`,
    },
    presentation: {
      receivedTitle: (unitCode) => `Presentación recibida: ${unitCode}`,
      checking: 'Comprobando que la página responde; le avisaremos en un momento.',
      published: (unitCode, url) =>
        `✅ La presentación de ${unitCode} responde en ${url}. Se marcó el paso \`presentacion\`.`,
      refused: (unitCode, url, status) =>
        `❌ La página de la presentación de ${unitCode} (${url}) responde con el error ${status}. Revise el enlace y envíelo de nuevo con \`/rendicion presentacion ${unitCode} <enlace>\`.`,
      publishedAlreadyDone: (unitCode, url) =>
        `✅ La presentación de ${unitCode} responde en ${url}. El paso \`presentacion\` ya estaba hecho; ahora cuenta con este enlace.`,
      unreachable: (unitCode, url, reason, attempts) =>
        `❌ No se pudo abrir la página de la presentación de ${unitCode} (${url}) en ${attempts} intentos: ${reason} El paso \`presentacion\` sigue sin marcar. Revise el enlace y envíelo de nuevo con \`/rendicion presentacion ${unitCode} <enlace>\`.`,
      reasons: {
        timeout: 'el sitio no respondió a tiempo.',
        dns: 'ese dominio no existe o no se encuentra (¿está bien escrita la dirección?).',
        connection: 'el servidor del sitio rechazó la conexión o no está disponible.',
        tls: 'el certificado de seguridad (https) del sitio no es válido.',
        network: 'no hubo conexión con el sitio.',
      },
    },
    sheet: {
      rebuildTitle: 'Hoja de cálculo',
      rebuildText: 'La hoja se reescribirá entera en el próximo minuto.',
      notConfigured: 'No hay una hoja de Google configurada (GOOGLE_SHEET_ID). Use `/rendicion exportar` para un CSV.',
    },
    export: {
      title: 'Exportación de la campaña',
      done: (rows) => `CSV con ${rows} unidades, cada paso con su estado, quién y cuándo.`,
      saved: (path) => `Archivo guardado en ${path}`,
      header: {
        unit: 'codigo',
        name: 'unidad',
        province: 'provincia',
        when: 'fecha y hora',
        whenIso: 'inicio (ISO 8601)',
        platform: 'plataforma',
        youtube: 'enlace youtube',
        youtubeState: 'estado del enlace',
        joinUrl: 'enlace de la sesion',
        stepBy: (stepId) => `${stepId} (quién)`,
        stepAt: (stepId) => `${stepId} (cuándo)`,
      },
    },
    pinned: {
      text: (name, from, to, url, hashtag) =>
        `${name}: del ${from} al ${to}, cada unidad rinde cuentas a la ciudadanía. Informes, transmisiones y preguntas en ${url} ${hashtag}`,
      previewLabel: 'tuit fijo de la campaña',
      statusTitle: 'Tuit fijo de la campaña',
      state: (state) => `Estado: ${state}.`,
      link: (url) => `Enlace: ${url}`,
      pinByHand: (url) =>
        `📌 X no permite fijar tuits por API: fíjelo a mano en el perfil de la cuenta (menú ⋯ del tuit → Fijar en tu perfil): ${url}`,
      seenPinned: 'La cuenta lo muestra fijado. ✅',
      notSeenPinned: 'La cuenta todavía no lo muestra fijado.',
      confirmed: (url) => `📌 Confirmado: el tuit de la campaña está fijado en la cuenta (${url}).`,
      unpinReminder: (url) => `La campaña terminó: desfije el tuit de la campaña en el perfil de la cuenta (${url}).`,
      autoQueued: 'Empieza la campaña: el bot publica el tuit fijo de la campaña. Luego habrá que fijarlo a mano.',
    },
    accountAlert: {
      raisedTitle: '🚨 Alerta: la cuenta de X puede estar comprometida',
      raisedText: (by, when, note) =>
        `${by} avisó el ${when} que la cuenta institucional puede estar tomada por terceros${note ? `: «${note}»` : '.'} La publicación de tuits está en pausa. Revise la cuenta, cambie las contraseñas y cierre la alerta con \`/rendicion alerta-cuenta resolver\` (solo administradores).`,
      alreadyOpen: (by, when) => `Ya hay una alerta abierta (${by}, ${when}); la publicación sigue en pausa.`,
      toReporter:
        'Se avisó a la Dirección y a los administradores. Los tuits quedan en cola hasta que un administrador cierre la alerta.',
      resolvedTitle: 'Alerta cerrada: se reanuda la publicación',
      resolvedText: (by, when) => `${by} cerró la alerta el ${when}. Los tuits en cola se publican ahora.`,
      noneOpen: 'No hay ninguna alerta abierta; la publicación funciona con normalidad.',
      pausedNotice: (by, when) =>
        `⏸️ La publicación está en pausa por una alerta de cuenta (${by}, ${when}); el tuit esperará en la cola.`,
    },
    policy: {
      profanity: (words) =>
        `Regla 2 (insultos y groserías): ${words}. La política de redes no permite este lenguaje; quítelo.`,
      externalLink: (hosts) =>
        `Regla 4 (enlaces externos): ${hosts} no es un sitio institucional. Solo se publica con la aprobación de la Dirección y si el contenido trata de la institución.`,
      spelling: (words) => `Regla 10 (ortografía): revise ${words}.`,
      suggestion: (word, suggestions) => (suggestions ? `«${word}» (¿${suggestions}?)` : `«${word}»`),
      allCaps:
        'Regla 11 (mayúsculas): el texto está casi todo en mayúsculas. Escríbalo en minúsculas; use mayúsculas solo en una sigla o una palabra para destacar.',
      duplicate: (when) =>
        `Regla 12 (spam): es igual o casi igual al tuit del ${when}. Cambie el texto; repetir lo mismo es spam.`,
      tooMany: (count, minutes) =>
        `Regla 12 (spam): ya hay ${count} tuits de esta rendición en los últimos ${minutes} minutos. Espere antes de publicar otro.`,
      tooLong: (weightedLength) =>
        `Longitud: ${weightedLength} caracteres según X (cada enlace cuenta 23); el máximo es 280. Acórtelo.`,
      clean: 'Sin observaciones.',
      cliUsage:
        'Uso: npm run politica -- [archivo.txt | -] [--dominios a.gob.ec,b.org] [--json]\n     npm run politica -- --evaluar corpus.txt\nRevisa un texto por línea (de un archivo o de la entrada estándar) con las reglas de la política de redes; con --evaluar mide el revisor sobre un corpus etiquetado («reglas | texto» por línea).',
      evaluation: {
        badCorpus: (file, line) =>
          `${file}, línea ${line}: escriba «etiquetas | texto», con las reglas separadas por comas (2, 4, 10, 11, longitud) o «-» si la publicación está limpia.`,
        summary: (total, clean) =>
          `Corpus: ${total} publicaciones, ${clean} limpias y ${total - clean} con alguna infracción.`,
        ruleName: (rule) => (rule === 'longitud' ? 'Longitud' : `Regla ${rule}`),
        recall: (rule, found, expected, percent) => `${rule}: encontró ${found} de ${expected} (${percent}).`,
        missed: (line, text) => `    no vio la línea ${line}: ${text}`,
        falseAlarms: (count, clean, percent) =>
          `Falsas alarmas: ${count} de ${clean} publicaciones limpias (${percent}).`,
        falseAlarm: (line, text, rules) => `    línea ${line} (${rules}): ${text}`,
        targets: (minRecall, maxFalseAlarms, met) =>
          `Metas: al menos ${minRecall} por regla y a lo sumo ${maxFalseAlarms} de falsas alarmas: ${met ? 'cumplidas' : 'NO cumplidas'}.`,
      },
    },
    chat: {
      moreNotice: (hidden) =>
        `… ${hidden} bloques más no caben en un mensaje. Pida algo más preciso, por ejemplo \`/rendicion estado Pichincha\`.`,
      modalSubmit: 'Enviar',
      modalCancel: 'Cancelar',
      inputRequired: 'Escriba el texto antes de enviar.',
      registerFormTitle: 'Registrar rendición',
      requestFormTitle: 'Solicitar aprobación',
      fieldDate: 'Fecha',
      fieldTime: 'Hora',
      fieldDateTime: 'Fecha y hora',
      fieldFlags: 'La sesión incluye',
      fieldKind: 'Qué necesita aprobación',
      fieldDescription: 'Descripción del material',
      fieldLink: 'Enlace al material (opcional)',
      unitPlaceholder: 'Busque por código o nombre',
      fieldUnit: 'Unidad (código)',
      fieldPlatform: 'Plataforma',
      fieldRoom: 'Sala (opcional)',
      fieldJoinUrl: 'Enlace para unirse o ver (opcional)',
      dateTimePlaceholder: 'Por ejemplo 15/09/2026 10:00, o mañana 10h00',
      platformPlaceholder: 'zoom, teams, meet, youtube, webex o facebook',
      kindPlaceholder: 'video, fotos o cultural',
      moreLinesNotice: (hidden) =>
        `… ${hidden} líneas más no caben. Pida algo más preciso, por ejemplo \`/rendicion estado Pichincha\`.`,
      unknownButton: 'Este botón ya no está disponible. Escriba el comando de nuevo.',
    },
    agenda: {
      title: (campaign) => `Agenda pública · ${campaign}`,
      intro:
        'Las sesiones públicas de rendición de cuentas: cuándo son, cómo unirse o verlas, a dónde enviar sus preguntas y, después, la grabación y la presentación.',
      skipToSessions: 'Saltar a las sesiones',
      provincesHeading: 'Provincias',
      allProvinces: 'Todas las provincias',
      sessionsOf: (province) => `Sesiones de ${province}`,
      unknownProvince: (input) => `No hay una provincia llamada «${input}». Elija una de la lista.`,
      noSessions: 'Aún no hay sesiones registradas.',
      timesIn: (timeZone) => `Horas en la zona horaria de la campaña (${timeZone}).`,
      addAllToCalendar: 'Añadir todas las sesiones a mi calendario',
      addProvinceToCalendar: (province) => `Añadir las sesiones de ${province} a mi calendario`,
      addToCalendar: 'Añadir a mi calendario',
      openData: 'Datos abiertos (JSON)',
      live: 'En vivo',
      time: 'Hora',
      unit: 'Unidad',
      province: 'Provincia',
      platform: 'Plataforma',
      join: 'Unirse o ver',
      joinLink: 'Entrar a la sesión',
      joinLater: 'El enlace se publicará antes de la sesión.',
      room: 'Lugar',
      questions: 'Preguntas después de la sesión',
      recording: 'Grabación',
      recordingLink: 'Ver la grabación',
      presentation: 'Presentación',
      presentationLink: 'Ver la presentación',
      footer:
        'Esta página no usa JavaScript ni cookies. Los mismos datos: calendario (iCalendar) y datos abiertos (JSON).',
      calendarName: (campaign) => campaign,
      eventSummary: (unitName) => `Rendición de cuentas: ${unitName}`,
      eventJoin: (url) => `Para unirse o verla: ${url}`,
      eventRoom: (room) => `Lugar: ${room}`,
      eventQuestions: (email) => `Preguntas después de la sesión: ${email}`,
      eventRecording: (url) => `Grabación: ${url}`,
      eventPresentation: (url) => `Presentación: ${url}`,
      publicAt: (url) => `Agenda pública para la ciudadanía: ${url}`,
    },
    console: {
      welcome: (campaign, user) =>
        `Modo consola · ${campaign}\nUsted es «${user}». Escriba \`/rendicion ayuda\` para empezar, \`/yo <usuario>\` para cambiar de usuario y \`/salir\` para terminar.`,
      switchedUser: (user) => `Ahora usted es «${user}».`,
      whoAmI: (user) => `Usted es «${user}».`,
      buttonsHint: 'Escriba el número de un botón para pulsarlo.',
      noSuchButton: (count) =>
        count === 0 ? 'No hay botones para pulsar.' : `No hay un botón con ese número: elija del 1 al ${count}.`,
      bye: 'Hasta luego.',
      demoCreated: (windowStart, windowEnd, databasePath) =>
        `Se creó la campaña de demostración (126 unidades ficticias, del ${windowStart} al ${windowEnd}) en ${databasePath}.`,
      channelHeader: (channel) => `📣 Canal ${channel === 'approvals' ? '#aprobaciones' : '#resumen'}`,
      directHeader: (userId) => `✉️ Mensaje directo para ${userId}`,
      cardUpdatedHeader: (channel) =>
        `✏️ Tarjeta actualizada en ${channel === 'approvals' ? '#aprobaciones' : '#resumen'}`,
      inputPrompt: (label) => `${label} (deje la línea vacía para cancelar):`,
      inputCancelled: 'Cancelado: no se cambió nada.',
      inputCancelledByCommand: (command) =>
        `Cancelado: escribió el comando \`${command}\` en lugar del texto pedido, así que no se cambió nada. Para terminar la acción, pulse de nuevo su botón.`,
    },
  };
}
