// Spanish words that are also given names or surnames (see README.md for how the list was made and checked).
export const ES = `
dolores rosa rosario pilar mercedes consuelo esperanza soledad luz paz gloria victoria cruz concepción
asunción encarnación rocío amparo remedios milagros socorro inmaculada natividad reyes nieves estrella alba
aurora blanca perla flor violeta azucena margarita iris sol cielo mar celeste clemente
modesto justo amado benigno casto pío santos domingo ramos salvador rey león lobo toro cordero gallo paloma
palomo castillo iglesias torres campos flores ríos montes prado vega peña fuentes fuente herrero molinero
guerrero moreno blanco rubio delgado calvo bravo cortés caballero pastor romero olivo manzano pino roble
robles rosales arroyo lago playa costa sierra nieto hermoso alegre alegría amor leal franco santo santa
ángel ángeles hombre mujer valiente fuerte bueno buena serena caridad fe gracia gracias piedad
lucero lucía luna marina rosal serrano villa villas iglesia campo monte río rivera ribera herrera
calle puente puentes cabello cabeza garza halcón águila cuervo grillo conejo lobato leones pardo prieto
castaño cano moro navarro cordero carnero vaca cabrera pastora medina salinas molinos
mesa mesas cámara cerda cerezo naranjo limón nogal palma palmas tejada tejedor zapatero sastre carpintero
abad obispo monje fraile conde marqués duque barón infante príncipe soldado capitán coronel general
crespo galán gordo chico grande largo corto lindo mayor menor primo mozo viejo nuevo alto bajo
esperado deseado dichoso feliz próspero honesto sincero severo austero constante
`;
