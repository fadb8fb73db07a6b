# Dot-sourced by New-SampleData.ps1: the word lists company names are made from (all names invented).
# Keyed by ISO 3166-1 alpha-2 country code, by language (en, de, fr, nl, es, it, pt, nordic, cn) or by partner type.

$legalSuffix = @{
    GB = 'Ltd', 'Ltd', 'Ltd', 'Ltd', 'Limited', 'plc', 'LLP'; IE = 'Ltd', 'Ltd', 'Limited', 'DAC', 'Teoranta'
    DE = 'GmbH', 'GmbH', 'GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'KG'; AT = 'GmbH', 'GmbH', 'GmbH', 'AG'
    CH = 'AG', 'AG', 'GmbH', 'SA', 'Sàrl'; FR = 'SAS', 'SAS', 'SAS', 'SA', 'SARL'; BE = 'NV', 'SA', 'BV', 'SRL'
    NL = 'BV', 'BV', 'BV', 'NV'; ES = 'SL', 'SL', 'SA'; IT = 'Srl', 'Srl', 'Srl', 'SpA'; PT = 'Lda', 'Lda', 'SA'
    SE = 'AB'; DK = 'A/S', 'ApS'; NO = 'AS', 'AS', 'ASA'; FI = 'Oy', 'Oy', 'Oyj'
    CN = 'Co Ltd', 'Co Ltd', 'Co Ltd', 'Co'
    US = 'Inc', 'Inc', 'Inc', 'LLC', 'LLC', 'Corp'; CA = 'Inc', 'Inc', 'Ltd', 'Corp'
    JP = 'KK', 'Co Ltd'; AU = 'Pty Ltd'; SG = 'Pte Ltd'; IN = 'Pvt Ltd', 'Pvt Ltd', 'Ltd'; KR = 'Co Ltd', 'Inc'
    MY = 'Sdn Bhd'; TH = 'Co Ltd'; NZ = 'Ltd', 'Limited'
    PL = 'Sp. z o.o.', 'Sp. z o.o.', 'S.A.'; CZ = 's.r.o.', 's.r.o.', 'a.s.'; HU = 'Kft.', 'Kft.', 'Zrt.'
    RO = 'SRL', 'SRL', 'SA'; UA = 'LLC', 'TOV'
    AE = 'LLC', 'FZE', 'FZ-LLC'; SA = 'LLC', 'Co'; ZA = '(Pty) Ltd'; NG = 'Ltd', 'Limited'; EG = 'SAE', 'LLC'; KE = 'Ltd', 'Limited'
    BR = 'Ltda', 'Ltda', 'S.A.'; MX = 'SA de CV', 'SA de CV', 'S. de R.L.'; AR = 'SA', 'SRL'; CL = 'SpA', 'Ltda'; CO = 'SAS', 'Ltda'
}

# Language of the local words used in names.
$language = @{
    GB = 'en'; IE = 'en'; US = 'en'; CA = 'en'; AU = 'en'; NZ = 'en'; SG = 'en'; IN = 'en'; JP = 'en'; KR = 'en'; MY = 'en'; TH = 'en'
    AE = 'en'; SA = 'en'; ZA = 'en'; NG = 'en'; EG = 'en'; KE = 'en'; PL = 'en'; CZ = 'en'; HU = 'en'; RO = 'en'; UA = 'en'
    DE = 'de'; AT = 'de'; CH = 'de'; FR = 'fr'; BE = 'fr'; NL = 'nl'; ES = 'es'; MX = 'es'; AR = 'es'; CL = 'es'; CO = 'es'
    IT = 'it'; PT = 'pt'; BR = 'pt'; SE = 'nordic'; DK = 'nordic'; NO = 'nordic'; FI = 'nordic'; CN = 'cn'
}

$localTech = @{
    en     = 'Networks', 'Data', 'Digital', 'Computing', 'Infotech', 'Telecom', 'Technology', 'IT', 'Cloud', 'Datacom', 'Cybernetics', 'Microsystems'
    de     = 'Datentechnik', 'Informatik', 'Netzwerktechnik', 'Systemhaus', 'IT-Service', 'Kommunikationstechnik', 'Datensysteme', 'Informationstechnik'
    fr     = 'Informatique', 'Réseaux', 'Numérique', 'Systèmes', 'Télécom', 'Données', 'Solutions Numériques', 'Ingénierie Informatique'
    nl     = 'ICT', 'Automatisering', 'Netwerken', 'Digitaal', 'Data', 'IT Diensten'
    es     = 'Sistemas', 'Tecnología', 'Redes', 'Informática', 'Datos', 'Soluciones', 'Telecomunicaciones'
    it     = 'Sistemi', 'Informatica', 'Reti', 'Dati', 'Tecnologie', 'Soluzioni', 'Telecomunicazioni'
    pt     = 'Sistemas', 'Tecnologia', 'Redes', 'Informática', 'Dados', 'Soluções', 'Serviços'
    nordic = 'Data', 'IT', 'Nett', 'Teknik', 'System', 'Digital', 'Datateknik'
}

$enTech = 'Cloud', 'Data', 'Network', 'Digital', 'Secure', 'Compute', 'Connect', 'Logic', 'Storage', 'Mobile', 'Analytics', 'Infrastructure', 'Hybrid', 'Edge', 'Unified', 'Converged', 'Smart', 'Core'

$typeBiz = @{
    Reseller         = 'Systems', 'Solutions', 'Technology', 'IT', 'Direct', 'Computing', 'Supplies'
    Distributor      = 'Distribution', 'Supply', 'Trading', 'Logistics', 'Wholesale'
    SystemIntegrator = 'Integration', 'Systems', 'Solutions', 'Engineering', 'Projects'
    ServiceProvider  = 'Managed Services', 'Hosting', 'Telecom', 'Networks', 'Services'
    Consultancy      = 'Consulting', 'Advisory', 'Partners', 'Associates'
    SoftwareVendor   = 'Software', 'Labs', 'Apps', 'Technologies'
    Training         = 'Academy', 'Training', 'Learning', 'Institute'
    Other            = 'Group', 'Holdings', 'Ventures', 'Services'
}

$prefixByCountry = @{
    GB = 'Thames', 'Severn', 'Pennine', 'Cotswold', 'Solent', 'Mersey', 'Albion', 'Wessex', 'Mercia', 'Sterling', 'Harbour', 'Chiltern', 'Tamar', 'Tyne'
    IE = 'Shannon', 'Liffey', 'Emerald', 'Celtic', 'Wicklow', 'Corrib', 'Boyne'
    DE = 'Rhein', 'Isar', 'Elbe', 'Hanse', 'Schwarzwald', 'Köln', 'Nürnberg', 'Düsseldorf', 'Spree', 'Weser', 'Taunus', 'Harz'
    AT = 'Alpen', 'Donau', 'Tirol', 'Wachau', 'Salzach', 'Kärnten'
    CH = 'Zürich', 'Helvetia', 'Gotthard', 'Jura', 'Léman', 'Säntis'
    FR = 'Seine', 'Loire', 'Rhône', 'Provence', 'Bretagne', 'Lumière', 'Étoile', 'Azur', 'Garonne', 'Vosges'
    BE = 'Ardennes', 'Escaut', 'Meuse', 'Brabant', 'Flandre'
    NL = 'Oranje', 'Amstel', 'Maas', 'Polder', 'Zuiderzee', 'Noordzee', 'Waal', 'Veluwe'
    ES = 'Ibérica', 'Tajo', 'Ebro', 'Levante', 'Meseta', 'Cantábrico', 'Castilla', 'Guadalquivir'
    IT = 'Adriatica', 'Tirreno', 'Dolomiti', 'Toscana', 'Etna', 'Ligure', 'Brenta', 'Arno'
    PT = 'Tejo', 'Douro', 'Lusitânia', 'Minho', 'Algarve', 'Mondego'
    SE = 'Nordic', 'Norrland', 'Göta', 'Malmö', 'Saga', 'Vättern', 'Ångström'
    DK = 'Øresund', 'Jylland', 'Nordic', 'Fyn', 'Skagen'
    NO = 'Fjord', 'Nordlys', 'Viking', 'Polar', 'Bergen', 'Trøndelag'
    FI = 'Polar', 'Aurora', 'Saimaa', 'Lappi', 'Kalevala'
    US = 'Liberty', 'Frontier', 'Cascade', 'Great Lakes', 'Prairie', 'Pacific Crest', 'Bluegrass', 'Lone Star', 'Granite State', 'Rocky Mountain', 'Gulf Coast',
         'Evergreen', 'Redwood', 'Patriot', 'Heartland', 'Sierra', 'Mesa', 'Canyon', 'Tidewater', 'Chesapeake', 'Hudson', 'Blue Ridge', 'Ozark', 'Ironwood',
         'Pinecrest', 'Golden Gate', 'Bayou', 'Sawtooth', 'Mojave', 'Catskill'
    CA = 'Laurentian', 'Maple', 'Yukon', 'Fraser', 'Acadia', 'Muskoka', 'Okanagan', 'Saint-Laurent'
    JP = 'Sakura', 'Yamato', 'Hikari', 'Aozora', 'Tsubasa', 'Midori', 'Kanto', 'Kansai'
    AU = 'Southern Cross', 'Tasman', 'Coral', 'Outback', 'Eucalypt', 'Harbour City', 'Kookaburra', 'Barrier Reef'
    SG = 'Lion City', 'Merlion', 'Straits', 'Marina', 'Orchid', 'Raffles Quay'
    IN = 'Indus', 'Ganga', 'Lotus', 'Deccan', 'Saffron', 'Sahyadri', 'Narmada'
    KR = 'Hanbit', 'Mirae', 'Hanil', 'Saebyeok', 'Hangang'
    MY = 'Merdeka', 'Melaka', 'Borneo', 'Kinabalu'
    TH = 'Siam', 'Chao Phraya', 'Lanna', 'Andaman'
    NZ = 'Kiwi', 'Aotearoa', 'Tasman', 'Kauri', 'Pounamu'
    PL = 'Wisła', 'Mazowsze', 'Śląsk', 'Tatry', 'Bałtyk', 'Wrocław', 'Kraków', 'Gdańsk', 'Poznań'
    CZ = 'Vltava', 'Morava', 'Bohemia', 'Brno', 'Plzeň', 'Šumava'
    HU = 'Duna', 'Tisza', 'Balaton', 'Pannon', 'Győr', 'Pécs'
    RO = 'Carpați', 'Dunărea', 'Transilvania', 'Timișoara', 'Cluj', 'Iași'
    UA = 'Dnipro', 'Kyiv', 'Lviv', 'Kharkiv', 'Odesa', 'Karpaty'
    AE = 'Gulf', 'Falcon', 'Oasis', 'Al Noor', 'Al Manar', 'Dune', 'Pearl', 'Creek'
    SA = 'Najd', 'Arabian', 'Al Safa', 'Hejaz', 'Red Sea'
    ZA = 'Cape', 'Table Mountain', 'Highveld', 'Karoo', 'Protea', 'Jacaranda', 'Umhlanga'
    NG = 'Lagos', 'Niger Delta', 'Eko', 'Zuma Rock', 'Savannah'
    EG = 'Nile', 'Sphinx', 'Pharos', 'Alexandria', 'Sinai'
    KE = 'Kilimanjaro', 'Serengeti', 'Rift Valley', 'Acacia', 'Baobab'
    BR = 'Amazônia', 'Paulista', 'Carioca', 'Bandeirante', 'Cerrado', 'Guanabara', 'Ipanema', 'Paraná'
    MX = 'Azteca', 'Maya', 'Sierra Madre', 'Pacífico', 'Anáhuac', 'Yucatán', 'Monterrey'
    AR = 'Pampa', 'Patagonia', 'Río de la Plata', 'Aconcagua', 'Cóndor'
    CL = 'Andes', 'Atacama', 'Cordillera', 'Pacífico Sur', 'Cóndor'
    CO = 'Cóndor', 'Caribe', 'Andina', 'Magdalena', 'Medellín', 'Bogotá'
}

# Generic prefixes used across Western Europe (and sometimes elsewhere). 'Meridian' is deliberately absent.
$genericPrefix = 'Atlas', 'Vertex', 'Apex', 'Orbit', 'Beacon', 'Summit', 'Keystone', 'Northstar', 'Cobalt', 'Granite', 'Crescent', 'Horizon', 'Pioneer',
    'Quantum', 'Polaris', 'Zenith', 'Vector', 'Nexus', 'Kestrel', 'Falcon', 'Osprey', 'Arcadia', 'Cardinal', 'Equinox', 'Fulcrum', 'Halcyon', 'Juniper',
    'Lighthouse', 'Novum', 'Opus', 'Paragon', 'Tandem', 'Trident', 'Valiant', 'Nordic', 'Alpine', 'Baltic', 'Celtic', 'Danube', 'Lumen', 'Bluewater',
    'Westbridge', 'Greenfield', 'Silverline', 'Oakridge', 'Clearpath', 'Brightwater', 'Ironbridge', 'Castellan', 'Corvus', 'Solstice', 'Tessera', 'Veritas'

$surnames = @{
    en     = 'Smith', 'Jones', 'Taylor', 'Brown', 'Clarke', 'Walker', 'Wright', 'Hughes', 'Evans', 'Patel', "O'Neill", "O'Brien", 'Murphy', 'Kelly',
             'Byrne', 'Fitzgerald', 'Harrison', 'Mitchell', 'Turner', 'Cooper', 'Bennett', 'Fletcher', 'Sullivan', 'Reynolds', "O'Connor", 'Doyle'
    de     = 'Müller', 'Schröder', 'Köhler', 'Weiß', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Krüger', 'Böhm', 'Zimmermann', 'Hartmann',
             'Brandt', 'Vogel', 'Lange', 'Fuchs', 'Günther'
    fr     = 'Dubois', 'Lefèvre', 'Gérard', 'Bérenger', 'Moreau', 'Laurent', 'Girard', 'Fournier', 'Mercier', 'Lambert', 'Rousseau', 'Chevalier',
             'Faure', 'Lemaître', 'Peeters', 'Janssens'
    nl     = 'de Vries', 'van Dijk', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Mulder', 'de Boer', 'van den Berg', 'Dekker', 'Vermeulen'
    es     = 'García', 'Peña', 'Muñoz', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Ruiz', 'Jiménez', 'Ortega', 'Núñez', 'Castillo', 'Romero'
    it     = 'Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Galli', 'Conti', "D'Amico", 'De Luca', 'Esposito', 'Fontana'
    pt     = 'Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Gonçalves', 'Conceição', 'Rodrigues', 'Almeida', 'Carvalho', 'Sousa', 'Araújo'
    nordic = 'Andersson', 'Lindström', 'Sørensen', 'Järvinen', 'Håkansson', 'Nilsson', 'Johansen', 'Berg', 'Virtanen', 'Korhonen', 'Lindqvist',
             'Dahl', 'Hansen', 'Nyström', 'Åkerlund', 'Bjørnstad'
}
$partnersPhrase = @{ en = 'and Partners'; de = '& Partner'; fr = '& Associés'; nl = '& Partners'; es = 'y Asociados'; it = '& Associati'; pt = '& Associados'; nordic = '& Partners' }
# Countries whose firms are named after their founders in these data.
$surnameLanguage = @{ GB = 'en'; IE = 'en'; US = 'en'; CA = 'en'; AU = 'en'; NZ = 'en'; DE = 'de'; AT = 'de'; CH = 'de'; FR = 'fr'; BE = 'fr'
    NL = 'nl'; ES = 'es'; MX = 'es'; AR = 'es'; IT = 'it'; PT = 'pt'; BR = 'pt'; SE = 'nordic'; DK = 'nordic'; NO = 'nordic'; FI = 'nordic' }

$chinaCity = 'Shenzhen', 'Beijing', 'Shanghai', 'Hangzhou', 'Guangzhou', 'Chengdu', 'Wuhan', 'Nanjing', 'Suzhou', 'Xiamen', 'Tianjin', "Xi'an",
    'Chongqing', 'Qingdao', 'Dalian', 'Hefei', 'Changsha', 'Ningbo'
$chinaBrand = 'Huaxin', 'Zhongke', 'Tianyu', 'Jinpeng', 'Hengtong', 'Ruida', 'Dongfang', 'Yuanda', 'Haitai', 'Kaiyuan', 'Boyuan', 'Shengda', 'Wanfang',
    'Hongxin', 'Lianchuang', 'Jiahe', 'Tongda', 'Xunda', 'Zhiyuan', 'Huilong', 'Mingde', 'Chuangxin', 'Yunhai', 'Weilan', 'Jinqiao', 'Baixin',
    'Fengyuan', 'Guoxin', 'Hualing', 'Lixin', 'Qianfeng', 'Ronghe', 'Tianrui', 'Xinyuan', 'Yida', 'Zhongtian', 'Anxin', 'Juneng', 'Kunlun', 'Taihe'
$chinaIndustry = 'Technology', 'Information Technology', 'Network Technology', 'Digital Technology', 'Communication Technology', 'Software',
    'Systems Integration', 'Electronics', 'Data Technology', 'Cloud Computing'
