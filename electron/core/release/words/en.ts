// English words that are also given names or surnames (see README.md for how the list was made and checked).
export const EN = `
said grace hope faith joy will mark bill rose lily daisy iris ivy holly summer autumn april may june
dawn sky rain star amber ruby pearl crystal jade violet heather olive hazel fern sage honey angel bliss
charity patience prudence mercy harmony melody destiny trinity serenity victor frank earnest
sunny rusty buck chase chuck chip clay cliff drew gene glen jack jay lance miles nick pat ray rich
rob rod sandy art bob carol dean don penny robin sue wade warren woody bud brook heath colt duke king prince
major sterling hunter fisher baker smith cook miller carter mason porter turner walker wright young
black white brown green gray long short little small strong hill wood stone lake field fields marsh banks
bush rice price page bell hall lane law love moss ford scope case cross church house land park parks snow
frost winter summers spring springs storm wolf fox bird crow swan drake lamb bull hart hawk finch nightingale
sparrow wren reed rush pike bass cole coal gold silver steel bond sharp sweet golden noble wise best moody
bright cash judge bishop pope abbot monk knight squire marshal steward butler gardener shepherd
weaver potter carpenter cooper thatcher tanner fuller dyer brewer archer bowman slater glass wall gates bridges
street way wells brooks shore forest woods grove dale vale rock flint stock root branch bloom blossom berry
cherry peach plum apple lemon clementine jasmine poppy willow aspen ash birch cedar rowan river ocean
bay sea marina island dusty stormy misty rocky sky blue scarlet rusty ginger cinnamon pepper sugar candy
honey cookie bunny kitty bear wolf lion tiger fox badger falcon eagle hawk raven dove robin jay lark martin
swift heron crane nightingale angel saint christian earl baron lord lady queen guy sonny bud buddy chance
lucky happy merry gay jolly constant loyal true justice liberty freedom haven heaven paradise
genesis journey tranquility unity verity eve fay gale hale hardy
`;
