/**
 * Words the institute writes every day that the Hunspell dictionary lacks: Kichwa words common in
 * Ecuador's public communication, its peoples and nationalities, Ecuadorian Spanish, the
 * institute's own vocabulary and acronyms, the platforms the sessions go out on, and the common
 * given names and surnames that open a sentence ("Cedeño presentó…"). The campaign file's
 * `palabras` adds the campaign's own.
 */
export const KICHWA_AND_PEOPLES = `
alli allí puncha chishi tuta shungu sumak kawsay yachay ayllu ayllukuna minga minka pacha Pachamama inti raymi
Inti Raymi Kapak Pawkar Kulla killa ñan Qhapaq mashi mashikuna yupaychani pakarina ama llulla shua tayta wawa wawas
warmi runa runakuna llakta wasi huasi hampi jambi yachak kichwa kichwas quichua shuar achuar waorani wao tsáchila
tsáchilas chachi cofán a'i siona secoya andoa shiwiar sápara zápara awá épera kañari cañari saraguro puruhá
panzaleo salasaka chibuleo kisapincha tomabela natabuela karanki kayambi kitu kara waranka otavalo chakana ñukanchik
imanalla kaypi shamuy shamushka montubio montubia montubios montubias afroecuatoriano afroecuatoriana afroecuatorianos
afroecuatorianas afrodescendiente afrodescendientes plurinacional plurinacionalidad interculturalidad
guagua guaguas ñaño ñaña ñaños ñañas chulla achachay arrarray guambra guambras mote canguil chochos fanesca
colada morada cuy choclo humita humitas llapingacho encebollado bolón chifles tigrillo corviche chugchucaras hornado
fritada motepillo tonga viche pristiños morocho champús chicha manaba manabas chagra chagras
`;

export const INSTITUTE_VOCABULARY = `
derechohabiente derechohabientes teleconsulta teleconsultas telemedicina telesalud teleasistencia georreferenciación
agendamiento agendamientos agendar agende agendó socializar socialización socializó precalificación cesantía
cesantías montepío prestacional prestacionales preexistencia preexistencias dispensario dispensarios imagenología
fisiatría hemodiálisis audiovisual audiovisuales transversal interinstitucional interinstitucionales
institucionalidad rendición rendiciones conversatorio conversatorios webinario webinarios autoevaluación
autoridades ciudadanía veeduría veedurías vinculación sociodemográfico repotenciación repotenciar repotenció
reagendar reagendamiento provincialización cantonización parroquialización cedulación trazabilidad
tamizaje tamizajes chequeo chequeos triaje hospitalización hospitalizaciones telemonitoreo vacunatorio vacunatorios
tomógrafo tomógrafos mamógrafo mamógrafos ecógrafo ecógrafos angiógrafo resonador resonadores mamografía mamografías
diálisis laboratorista laboratoristas órtesis quirófano quirófanos policlínico ecografía ecografías
hemodinamia hemodinámico hemodinámica colonoscopia colonoscopias laparoscopia laparoscópica laparoscópico
ecocardiograma ecocardiogramas densitometría densitometrías audiometría audiometrías braquiterapia ecográfico
ecográfica intubación endoscópico endoscópica
tuit tuits tuitear retuit retuitear hashtag hashtags link links streaming online podcast email emails e-mail webinar
webinars app apps web wifi chat chats
Facebook YouTube Zoom Teams Meet Google WhatsApp Instagram TikTok Twitter LinkedIn Telegram Spotify Microsoft Webex
Live Flickr Drive Forms
IESS BIESS SSC MSP CPCCS CNE SRI ISSFA ISSPOL GAD GADs ONG ONGs TIC TICs MSc PhD COVID covid Covid SARS VIH
CAMI CAA RPIS ECU SIS ISO
`;

/**
 * Medical specialties ending in -logía: their adjective (-lógico) and specialist (-logo) are
 * derived (campaign-words.ts). The dictionary lacks many ("oncología", "nefrología").
 */
export const MEDICAL_SPECIALTIES = `
cardiología oncología nefrología neurología gastroenterología endocrinología neumología urología dermatología
oftalmología otorrinolaringología traumatología reumatología hematología infectología neonatología ginecología
psicología odontología imagenología radiología anestesiología mastología hepatología coloproctología patología
inmunología alergología epidemiología toxicología geriatría pediatría psiquiatría fisiatría neurocirugía fisioterapia
`;

export const COMMON_NAMES = `
María José Juan Carlos Luis Jorge Ana Rosa Carmen Patricia Verónica Gabriela Andrea Daniela Paola Diana Mónica
Sandra Lorena Cristina Fernanda Alexandra Johanna Jessica Karina Katherine Mayra Elizabeth Silvia Martha Marcela
Pablo Diego Andrés Fernando Javier Santiago Sebastián Esteban Marco Mauricio Edison Édison Wilson Washington Segundo
Byron Patricio Fabián Hernán Ramiro Gustavo Geovanny Giovanny Jefferson Kléber Klever Galo Freddy Franklin
Ángel Miguel Francisco Antonio Manuel Pedro Roberto Ricardo Raúl Rubén Hugo Iván César Óscar Víctor Jaime
Cedeño Zambrano Vera Mendoza Moreira Alcívar Loor Intriago Macías Bravo Chávez Pazmiño Guamán Quishpe Chicaiza
Tipán Toapanta Caiza Quispe Guanoluisa Pilataxi Chiluisa Sarango Cuenca Naranjo Villacís Villacrés Salazar Jaramillo
Espinoza Espinosa Cevallos Andrade Paredes Ortiz Ortega Benítez Calderón Sánchez Pérez Rodríguez González Gómez
Torres Flores Vásquez Vázquez Ramírez Herrera Castillo Romero Morales Suárez Aguirre Mora Mera Cárdenas Carrión
Ordóñez Armijos Jiménez Guerrero Córdova Valencia Quiñónez Quiñones Cortez Castro Ruiz Reyes Delgado Montalvo
Alvarado Palacios León Vélez Solórzano Anchundia Santana Ponce Briones Barreiro Zamora Zorrilla Proaño Yépez
Játiva Cabrera Chiriboga Larrea Borja Donoso Estrella Mosquera Cajas Lema Yupanqui Tenesaca Morocho Chimbo
Maldonado Carbo Andrade Marín Carrasco Arteaga Teodoro Baquerizo Alfaro Olmedo Espejo Montúfar Rocafuerte
`;
