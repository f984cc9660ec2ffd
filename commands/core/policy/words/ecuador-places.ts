/**
 * Ecuador's 24 provinces, their cantons and the cantons' seats when they have another name, plus
 * parishes and places where the institute's units are (Quitumbe, Carapungo…). Typed from the
 * official division, not generated: a missing one is added here or in the campaign file's `palabras`. Written as
 * the official names are, accents included: "Sucumbios" is still a misspelling.
 */
export const ECUADOR_PLACES = `
Azuay Bolívar Cañar Carchi Chimborazo Cotopaxi El Oro Esmeraldas Galápagos Guayas Imbabura Loja Los Ríos
Manabí Morona Santiago Napo Orellana Pastaza Pichincha Santa Elena Santo Domingo de los Tsáchilas Sucumbíos
Tungurahua Zamora Chinchipe
Cuenca Girón Gualaceo Nabón Paute Pucará San Fernando Santa Isabel Sigsig Sígsig Oña Chordeleg El Pan Sevilla de Oro
Guachapala Camilo Ponce Enríquez
Guaranda Chillanes Chimbo San José de Chimbo Echeandía San Miguel Caluma Las Naves
Azogues Biblián La Troncal El Tambo Déleg Suscal
Tulcán Espejo El Ángel Mira Montúfar San Gabriel San Pedro de Huaca Huaca
Latacunga La Maná Pangua El Corazón Pujilí Salcedo San Miguel de Salcedo Saquisilí Sigchos
Riobamba Alausí Colta Villa La Unión Cajabamba Chambo Chunchi Guamote Guano Pallatanga Penipe Cumandá
Machala Arenillas Atahualpa Paccha Balsas Chilla El Guabo Huaquillas Marcabelí Pasaje Piñas Portovelo Santa Rosa
Zaruma Las Lajas La Victoria
Eloy Alfaro Limones Valdez Muisne Quinindé Rosa Zárate San Lorenzo Atacames Rioverde
Guayaquil Alfredo Baquerizo Moreno Jujan Balao Balzar Colimes Daule Durán Eloy Alfaro El Empalme Velasco Ibarra
El Triunfo Milagro Naranjal Naranjito Palestina Pedro Carbo Samborondón Santa Lucía Salitre Urbina Jado
San Jacinto de Yaguachi Yaguachi Playas General Villamil Simón Bolívar Coronel Marcelino Maridueña
Lomas de Sargentillo Nobol Narcisa de Jesús General Antonio Elizalde Bucay Isidro Ayora
Ibarra Antonio Ante Atuntaqui Cotacachi Otavalo Pimampiro San Miguel de Urcuquí Urcuquí
Calvas Cariamanga Catamayo Celica Chaguarpamba Espíndola Amaluza Gonzanamá Macará Paltas Catacocha Puyango
Alamor Saraguro Sozoranga Zapotillo Pindal Quilanga Olmedo
Babahoyo Baba Montalvo Puebloviejo Quevedo Urdaneta Catarama Ventanas Vinces Palenque Buena Fe San Jacinto de Buena Fe
Valencia Mocache Quinsaloma
Portoviejo Calceta Chone El Carmen Flavio Alfaro Jipijapa Junín Manta Montecristi Paján Rocafuerte Santa Ana
Sucre Bahía de Caráquez Tosagua Veinticuatro de Mayo Pedernales Puerto López Jama Jaramijó San Vicente
Morona Macas Gualaquiza Limón Indanza General Leonidas Plaza Gutiérrez Palora Méndez Sucúa Huamboya
San Juan Bosco Taisha Logroño Pablo Sexto Tiwintza Santiago de Méndez
Tena Archidona El Chaco Quijos Baeza Carlos Julio Arosemena Tola
Puyo Mera Santa Clara Arajuno
Quito Cayambe Mejía Machachi Pedro Moncayo Tabacundo Rumiñahui Sangolquí San Miguel de los Bancos
Pedro Vicente Maldonado Puerto Quito
Ambato Baños de Agua Santa Baños Cevallos Mocha Patate Quero San Pedro de Pelileo Pelileo Santiago de Píllaro
Píllaro Tisaleo
Zumba Nangaritza Guayzimi Yacuambi Yantzaza El Pangui Centinela del Cóndor Zumbi Palanda Paquisha
San Cristóbal Puerto Baquerizo Moreno Isabela Puerto Villamil Santa Cruz Puerto Ayora
Lago Agrio Nueva Loja Gonzalo Pizarro Lumbaquí Putumayo Puerto El Carmen Shushufindi La Bonita Cascales
El Dorado de Cascales Cuyabeno Tarapoa
Francisco de Orellana Coca El Coca Aguarico Nuevo Rocafuerte La Joya de los Sachas Loreto
La Concordia La Libertad Salinas
Quitumbe Carapungo Chimbacalle Cotocollao Conocoto Calderón Tumbaco Cumbayá Pomasqui Chillogallo Solanda Iñaquito
La Mariscal Guamaní Turubamba Amaguaña Alangasí Guangopolo Nayón Zámbiza Llano Chico Pifo Puembo Tababela Yaruquí
Checa Guayllabamba Pintag Píntag Lloa Nono Calacalí San Antonio de Pichincha Nanegalito Mindo Tulipe
Ceibos Los Ceibos Sauces Guasmo Bastión Popular Mapasingue Urdesa Kennedy Alborada Pascuales Chongón Posorja
Tarqui Ricaurte Totoracocha Baños Turi El Valle Yanuncay Monay Cañaribamba
Ecuador Galápagos Andes Amazonía Sierra Costa Región Insular Austro Chimborazo Cotopaxi Tungurahua Cayambe Antisana
Pichincha Imbabura Cotacachi Ilaló Pasochoa Rucu Guagua Sangay Yasuní Cuyabeno Podocarpus Cajas Machalilla
`;
