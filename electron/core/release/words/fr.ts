// French words that are also given names or surnames (see README.md for how the list was made and checked).
export const FR = `
pierre rose blanche claire aimé désiré constant clément prudence patience espérance aurore olive violette
marguerite capucine jasmin fleur colombe perle ange noël loup renard blanc noir brun roux petit grand fort
bon boucher boulanger meunier charpentier marchand berger chevalier mercier moulin fontaine rivière bois
chêne roche roi prince comte duc baron page maçon juste fidèle honoré félicité victoire grâce charité
amour céleste avril mai juin olivier modeste marin sauveur léger bouvier vacher tailleur maître
moine pape évêque abbé petit gros gras long court
beau belle joli jolie doux douce fier franc vrai sage vaillant hardi savant riche pauvre neveu cousin
lapin lièvre chat chevreuil cerf biche mouton agneau taureau coq poule pigeon merle pinson moineau
corbeau faucon aigle cygne oiseau poisson brochet saumon laurier pommier poirier noyer frêne saule
tilleul rosier lys iris muguet mimosa lilas camélia pervenche bruyère prairie campagne champ
champs pré prés vigne verger jardin jardinier fontaine source lac mer océan soleil étoile lune ciel
nuage vent pluie neige hiver été printemps automne mardi vendredi dimanche pascal
serge martin delà montagne vallée côte rocher mont plaine forêt bosquet haie pont porte maison
chapelle église château tour tourelle moulins fermier bouvier vigneron tisserand potier cordonnier
couturier sellier charron forgeron tonnelier chapelier barbier meunier drapier
`;
