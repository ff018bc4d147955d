/// Word lists for synthetic game titles, studios and user names. Nothing here
/// is a real title or developer; the shapes (subtitles, sequels, possessives,
/// ™, non-Latin titles) are the real file's.
enum NameWords {
    static let adjectives = [
        "Ancient", "Broken", "Crimson", "Dark", "Distant", "Eternal", "Fallen", "Forgotten", "Frozen",
        "Galactic", "Golden", "Hidden", "Hollow", "Infinite", "Iron", "Last", "Lost", "Lunar", "Mighty",
        "Neon", "Night", "Pixel", "Quantum", "Rogue", "Royal", "Rusty", "Savage", "Secret", "Shadow",
        "Silent", "Silver", "Sky", "Steel", "Stellar", "Super", "Tiny", "Twisted", "Wild", "Zero",
        "Little", "Cosmic", "Deep", "Electric", "Final", "Grand", "Haunted", "Mystic", "Sacred", "Velvet",
    ]
    static let nouns = [
        "Abyss", "Arena", "Blade", "Castle", "Citadel", "Colony", "Crown", "Dawn", "Dragon", "Dungeon",
        "Empire", "Engine", "Frontier", "Garden", "Harbor", "Horizon", "Hunter", "Island", "Kingdom",
        "Knight", "Labyrinth", "Legend", "Machine", "Mercenary", "Moon", "Odyssey", "Outpost", "Pirate",
        "Planet", "Quest", "Racer", "Realm", "Relic", "Rift", "Robot", "Ruins", "Saga", "Sentinel",
        "Signal", "Soldier", "Spire", "Station", "Storm", "Tactics", "Temple", "Tower", "Voyage",
        "Warden", "Wasteland", "Witch", "Zombie", "Farm", "Truck", "Train", "Pool", "Puzzle", "Hero",
    ]
    static let subtitles = [
        "Remastered", "Definitive Edition", "Game of the Year Edition", "Deluxe Edition", "Rebirth",
        "The Awakening", "Origins", "Redux", "Gold Edition", "Episode 1", "Episode 2", "Chapter One",
        "Soundtrack", "Season Pass", "Complete Edition", "Director's Cut", "VR", "Online", "Anniversary",
    ]
    static let genreWords = ["Simulator", "Tycoon", "Defense", "Survival", "Online", "Battle", "Rush", "Chronicles", "Adventure"]
    static let firstNames = ["Alice", "Bob", "Ivan", "Mia", "Otto", "Rosa", "Yuki", "Zed", "Nina", "Hugo", "Kat", "Leo"]
    static let nonLatinTitles = [
        "弹炸人", "龙之谷", "勇者物语", "ドラゴン探検", "魔法少女", "Тёмный лес", "Звёздный путь", "Ведьмак полей",
        "검의 전설", "Café Légende", "Über Straße", "Niño Pirata",
    ]
    static let studioStems = [
        "Ironclad", "Bluefin", "Moonlit", "Pixelforge", "Red Panda", "Northwind", "Kotori", "Brightside",
        "Oddbird", "Tinybox", "Lumen", "Starfall", "Glitchworks", "Copperhead", "Hexagon", "Wildcard",
        "Mosaic", "Paper Crane", "Deepwell", "Sunburst", "Greyhound", "Nebula", "Cobalt", "Firefly",
        "Quill", "Rainfall", "Saltmarsh", "Tanuki", "Vortex", "Whitebox", "Yellowjacket", "Zephyr",
    ]
    static let studioSuffixes = [
        "Games", "Studios", "Studio", "Interactive", "Entertainment", "Software", "Digital", "Labs",
        "Games Ltd", "Studios, Inc.", "Softworks", "Team", "Productions", "GmbH", "S.A.",
    ]
    static let handleWords = [
        "ace", "blaze", "cobra", "dusk", "echo", "frost", "ghost", "hawk", "ion", "jinx", "kilo", "lynx",
        "mango", "nova", "onyx", "pixel", "quake", "raven", "sage", "titan", "ultra", "viper", "wolf",
        "xeno", "yeti", "zorro", "Riot", "Punch", "evc", "js", "Dark", "Lord", "Mr", "the", "real",
    ]
    static let months = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
