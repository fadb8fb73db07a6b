#Requires -Version 7.0
<#
.SYNOPSIS
    Writes the channel-programme sample data set (partners, revenue, exchange rates, targets) as CSV files.

.DESCRIPTION
    A deterministic, invented data set modelled on public figures about one vendor's channel programme:
    700 partners in Western Europe at the start of 2015 with a target of 1,000; 78% of 2015 enterprise revenue
    through partners with a goal of 100%; 2015 enterprise revenue of 3.1bn USD (2bn GBP), 60% of it from China;
    a distributor relationship that "is effectively over"; big-name partners announced as they join.

    Every company name is made up from word lists. The same seed ([System.Random]::new(2015)) always gives the
    same files, byte for byte, on every platform: all amounts are computed in [decimal], dates and numbers are
    written with the invariant culture, files are UTF-8 without a BOM with LF line endings.

    Files written next to this script (or to -OutputPath):
        partners.csv        Name,Type,Tier,Status,Region,Country,JoinedOn,EndedOn,Notes
        revenue.csv         PartnerName,Date,Amount,Currency,Segment,Region,Reference
        exchange-rates.csv  From,To,Year,Rate
        targets.csv         Metric,Region,Year,Value,Currency

    Check-SampleData.ps1 reads them back and asserts the facts.

.EXAMPLE
    cd /work/wt-samples && dotnet tool restore && dotnet pwsh ./samples/channel/New-SampleData.ps1
#>
[CmdletBinding()]
param(
    # Folder the CSV files are written to; default: the folder of this script.
    [string] $OutputPath = $PSScriptRoot
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'

$inv = [System.Globalization.CultureInfo]::InvariantCulture
$rng = [System.Random]::new(2015)

#region Random helpers (everything random goes through $rng, in a fixed order)

function Get-RandomInt([int] $Min, [int] $MaxInclusive) { $script:rng.Next($Min, $MaxInclusive + 1) }

function Get-RandomItem([object[]] $Items) { $Items[$script:rng.Next($Items.Count)] }

function Get-RandomDate([datetime] $From, [datetime] $To) {
    if ($To -lt $From) { throw "Empty date range $($From.ToString('yyyy-MM-dd', $inv))..$($To.ToString('yyyy-MM-dd', $inv))" }
    $From.AddDays($script:rng.Next(0, ($To - $From).Days + 1))
}

# Picks a key of an ordered dictionary with probability proportional to its value (string keys only: an int key would index by position).
function Get-RandomWeighted([System.Collections.Specialized.OrderedDictionary] $Weights) {
    $total = 0.0
    foreach ($w in $Weights.Values) { $total += [double] $w }
    $r = $script:rng.NextDouble() * $total
    $last = $null
    foreach ($key in $Weights.Keys) {
        $last = $key
        $r -= [double] $Weights[$key]
        if ($r -lt 0) { return $key }
    }
    $last
}

# A skewed positive weight between 0.25 and 4.25 (many small deals, a few big ones), as a decimal.
# Only + and * on doubles, then rounded into a decimal, so the result is the same on every platform.
function Get-DealWeight {
    $u = $script:rng.NextDouble()
    [decimal] [Math]::Round(0.25 + 4.0 * $u * $u * $u, 6)
}

function D([int] $Year, [int] $Month, [int] $Day) { [datetime]::new($Year, $Month, $Day) }

#endregion

#region Reference data

$regions = [ordered]@{
    'Western Europe'       = [ordered]@{ GB = 20; DE = 19; FR = 14; NL = 8; IT = 8; ES = 7; BE = 4; CH = 4; IE = 3; AT = 3; SE = 3; DK = 2; NO = 2; FI = 2; PT = 2 }
    'China'                = [ordered]@{ CN = 1 }
    'North America'        = [ordered]@{ US = 85; CA = 15 }
    'Asia Pacific'         = [ordered]@{ JP = 22; AU = 22; SG = 14; IN = 14; KR = 10; MY = 7; TH = 6; NZ = 5 }
    'Eastern Europe'       = [ordered]@{ PL = 40; CZ = 20; HU = 15; RO = 15; UA = 10 }
    'Middle East & Africa' = [ordered]@{ AE = 28; SA = 20; ZA = 25; NG = 10; EG = 9; KE = 8 }
    'Latin America'        = [ordered]@{ BR = 40; MX = 30; AR = 10; CL = 10; CO = 10 }
}

$typeWeights = [ordered]@{ Reseller = 38; SystemIntegrator = 25; ServiceProvider = 9; Consultancy = 8; SoftwareVendor = 7; Training = 5; Other = 4; Distributor = 4 }
$tierWeights = [ordered]@{ Registered = 52; Silver = 28; Gold = 14; Platinum = 6 }

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

# Names that must appear (they exercise CSV quoting and non-ASCII text); each goes to the first ordinary Active partner in its country.
$fixedNames = [ordered]@{
    'Müller & Söhne IT GmbH'            = 'DE'
    "O'Neill Data Services Ltd"         = 'IE'
    'Smith, Jones and Partners Ltd'     = 'GB'
    'Nordic Cloud Systems AB'           = 'SE'
    'Atlas Networks GmbH'               = 'AT'
    'Lefèvre & Fils Informatique SAS'   = 'FR'
    'Shenzhen Huaxin Technology Co'     = 'CN'
    "Xi'an Kunlun Software Co Ltd"      = 'CN'
    'Peña, Núñez y Asociados SL'        = 'ES'
    'Øresund Datateknik A/S'            = 'DK'
}

# Big-name partners, announced as they join (all names invented).
$bigNames = @(
    @{ Name = 'Helvion Global Services';                     Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'Western Europe'; Country = 'DE'; JoinedOn = D 2011 1 17 }
    @{ Name = 'Corvanta Consulting Group';                   Type = 'Consultancy';      Tier = 'Platinum'; Region = 'Western Europe'; Country = 'GB'; JoinedOn = D 2011 3 7 }
    @{ Name = 'Quillon Digital';                             Type = 'SystemIntegrator'; Tier = 'Gold';     Region = 'Western Europe'; Country = 'FR'; JoinedOn = D 2015 3 16 }
    @{ Name = 'Tessaract Integration Partners';              Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'Western Europe'; Country = 'NL'; JoinedOn = D 2015 6 1 }
    @{ Name = 'Zhonghua Pacific Systems Integration Co Ltd'; Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'China';          Country = 'CN'; JoinedOn = D 2011 2 14 }
    @{ Name = 'Longtai Digital Group Co Ltd';                Type = 'Reseller';         Tier = 'Platinum'; Region = 'China';          Country = 'CN'; JoinedOn = D 2012 9 3 }
    @{ Name = 'Huameng Cloud Services Co Ltd';               Type = 'ServiceProvider';  Tier = 'Platinum'; Region = 'China';          Country = 'CN'; JoinedOn = D 2015 4 20 }
    @{ Name = 'Amberline Technologies Inc';                  Type = 'SystemIntegrator'; Tier = 'Platinum'; Region = 'North America';  Country = 'US'; JoinedOn = D 2011 1 24 }
    @{ Name = 'Pinnacrest Federal Systems LLC';              Type = 'SystemIntegrator'; Tier = 'Gold';     Region = 'North America';  Country = 'US'; JoinedOn = D 2014 5 12 }
    @{ Name = 'Solenne Asia Pacific Pte Ltd';                Type = 'Reseller';         Tier = 'Platinum'; Region = 'Asia Pacific';   Country = 'SG'; JoinedOn = D 2013 10 7 }
)

$asOf = D 2015 1 1
$programmeStart = D 2011 1 1
$programmeEnd = D 2015 12 31

#endregion

#region Partners

$partners = [System.Collections.Generic.List[object]]::new()
$seq = 0

function Add-SamplePartner {
    param([string] $Region, [string] $Country, [string] $Type, [string] $Tier, [string] $Status, [datetime] $JoinedOn,
          [Nullable[datetime]] $EndedOn, [string] $Notes = '', [string] $Name = '', [switch] $Big)
    $script:seq++
    $script:partners.Add([pscustomobject]@{
        Seq = $script:seq; Name = $Name; Type = $Type; Tier = $Tier; Status = $Status; Region = $Region; Country = $Country
        JoinedOn = $JoinedOn; EndedOn = $EndedOn; Notes = $Notes; Big = [bool] $Big; Fixed = ($Name -ne '')
    })
}

function Get-JoinDate([datetime] $From, [datetime] $To, [System.Collections.Specialized.OrderedDictionary] $YearWeights) {
    # A year by weight (again until it is within the range), then a day in that year clipped to the range.
    do { $year = [int] (Get-RandomWeighted $YearWeights) } while ($year -lt $From.Year -or $year -gt $To.Year)
    $start = [datetime]::new($year, 1, 1); if ($start -lt $From) { $start = $From }
    $end = [datetime]::new($year, 12, 31); if ($end -gt $To) { $end = $To }
    Get-RandomDate $start $end
}

function Get-Country([string] $Region) { Get-RandomWeighted $script:regions[$Region] }

function Get-PartnerType([switch] $NotDistributor) {
    do { $t = Get-RandomWeighted $script:typeWeights } while ($NotDistributor -and $t -eq 'Distributor')
    $t
}

$notesActive = '', '', '', '', '', '', '', '', '', '', '', '', 'Co-sell agreement', 'Certified for the enterprise portfolio', 'Key account: public sector',
    'Joined through the partner summit', 'Focus: SMB, mid-market', 'Also resells services', 'Renewed agreement'

# --- Western Europe -------------------------------------------------------------------------------------------------
# Partners on 2015-01-01 (700 exactly): the distributor that ends, two big names at launch, and 697 more.
Add-SamplePartner -Name 'Meridian Distribution Europe' -Region 'Western Europe' -Country 'NL' -Type Distributor -Tier Gold -Status Terminated `
    -JoinedOn (D 2011 2 1) -EndedOn (D 2015 9 30) -Notes 'Relationship effectively over'
foreach ($b in $bigNames) {
    if ($b.Region -eq 'Western Europe' -and $b.JoinedOn -le $asOf) {
        Add-SamplePartner -Name $b.Name -Region $b.Region -Country $b.Country -Type $b.Type -Tier $b.Tier -Status Active -JoinedOn $b.JoinedOn `
            -Notes 'Announced as a strategic partner at launch' -Big
    }
}
$weCountedYears = [ordered]@{ '2011' = 20; '2012' = 22; '2013' = 26; '2014' = 32 }
$ordinaryCounted = 700 - $partners.Count
for ($i = 0; $i -lt $ordinaryCounted; $i++) {
    $country = Get-Country 'Western Europe'
    $joined = Get-JoinDate $programmeStart (D 2014 12 31) $weCountedYears
    $status = 'Active'; $ended = $null; $notes = Get-RandomItem $notesActive
    $type = Get-PartnerType
    if ($i -eq 0) { $joined = $programmeStart }                    # joined the day the programme started
    elseif ($i -eq 1) { $joined = $asOf }                          # joined on the very day counted
    elseif ($i -lt 9) {                                            # ended during 2015: still a partner on 2015-01-01
        $status = 'Terminated'; $type = Get-PartnerType -NotDistributor
        $ended = if ($i -eq 2) { D 2015 1 2 } else { Get-RandomDate (D 2015 1 2) $programmeEnd }
        $notes = Get-RandomItem 'Agreement not renewed', 'Acquired by a competitor', 'Ended by mutual agreement', 'Ceased trading'
    }
    elseif ($i -lt 17) { $status = 'Suspended'; $notes = Get-RandomItem 'Suspended pending compliance review', 'Suspended: certification lapsed', 'Payment terms breached, suspended' }
    elseif ($i -lt 20) { $status = 'Onboarding'; $joined = Get-RandomDate (D 2014 10 1) (D 2014 12 31); $notes = 'Onboarding: certification in progress' }
    Add-SamplePartner -Region 'Western Europe' -Country $country -Type $type -Tier (Get-RandomWeighted $tierWeights) -Status $status `
        -JoinedOn $joined -EndedOn $ended -Notes $notes
}

# Joining during 2015: two big names and 114 more.
foreach ($b in $bigNames) {
    if ($b.Region -eq 'Western Europe' -and $b.JoinedOn -gt $asOf) {
        Add-SamplePartner -Name $b.Name -Region $b.Region -Country $b.Country -Type $b.Type -Tier $b.Tier -Status Active -JoinedOn $b.JoinedOn `
            -Notes "Announced as a strategic partner on joining, $($b.JoinedOn.ToString('MMMM yyyy', $inv))" -Big
    }
}
for ($i = 0; $i -lt 114; $i++) {
    $joined = Get-RandomDate (D 2015 1 2) $programmeEnd
    $status = 'Active'; $ended = $null; $notes = Get-RandomItem $notesActive; $type = Get-PartnerType
    if ($i -eq 0) { $status = 'Terminated'; $type = Get-PartnerType -NotDistributor; $joined = D 2015 2 9; $ended = D 2015 11 30; $notes = 'Left after a failed pilot' }
    elseif ($joined -ge (D 2015 10 1) -and $rng.NextDouble() -lt 0.4) { $status = 'Onboarding'; $notes = 'Onboarding: certification in progress' }
    $tier = if ($status -eq 'Onboarding') { Get-RandomItem 'Registered', 'Registered', 'Silver' } else { Get-RandomWeighted ([ordered]@{ Registered = 65; Silver = 25; Gold = 10 }) }
    Add-SamplePartner -Region 'Western Europe' -Country (Get-Country 'Western Europe') -Type $type -Tier $tier -Status $status -JoinedOn $joined -EndedOn $ended -Notes $notes
}

# Ended on or before 2015-01-01 (not counted then).
for ($i = 0; $i -lt 12; $i++) {
    $joined = Get-RandomDate $programmeStart (D 2013 12 31)
    $ended = if ($i -eq 0) { $asOf } else { Get-RandomDate ($joined.AddDays(90)) (D 2014 12 31) }
    Add-SamplePartner -Region 'Western Europe' -Country (Get-Country 'Western Europe') -Type (Get-PartnerType -NotDistributor) `
        -Tier (Get-RandomWeighted ([ordered]@{ Registered = 70; Silver = 25; Gold = 5 })) -Status Terminated -JoinedOn $joined -EndedOn $ended `
        -Notes (Get-RandomItem 'Agreement not renewed', 'Acquired by a competitor', 'Ended by mutual agreement', 'Ceased trading', 'Moved to a competing vendor')
}

# Prospects (never partners, whatever their date).
for ($i = 0; $i -lt 8; $i++) {
    $joined = Get-RandomDate (D 2014 6 1) $programmeEnd
    Add-SamplePartner -Region 'Western Europe' -Country (Get-Country 'Western Europe') -Type (Get-PartnerType) -Tier Registered -Status Prospect `
        -JoinedOn $joined -Notes (Get-RandomItem 'Met at the partner summit', 'Referred by a distributor', 'Applied online', '')
}

# --- Other regions --------------------------------------------------------------------------------------------------
$otherCounts = [ordered]@{ 'China' = 148; 'North America' = 88; 'Asia Pacific' = 33; 'Eastern Europe' = 31; 'Middle East & Africa' = 31; 'Latin America' = 31 }
$otherYears = [ordered]@{ '2011' = 14; '2012' = 19; '2013' = 22; '2014' = 24; '2015' = 21 }
foreach ($region in $otherCounts.Keys) {
    $count = $otherCounts[$region]
    foreach ($b in $bigNames) {
        if ($b.Region -ne $region) { continue }
        $note = if ($b.JoinedOn.Year -eq 2011) { 'Announced as a strategic partner at launch' } else { "Announced as a strategic partner on joining, $($b.JoinedOn.ToString('MMMM yyyy', $inv))" }
        Add-SamplePartner -Name $b.Name -Region $b.Region -Country $b.Country -Type $b.Type -Tier $b.Tier -Status Active -JoinedOn $b.JoinedOn -Notes $note -Big
        $count--
    }
    for ($i = 0; $i -lt $count; $i++) {
        $status = Get-RandomWeighted ([ordered]@{ Active = 88; Prospect = 3; Onboarding = 2; Suspended = 2; Terminated = 5 })
        $ended = $null; $notes = Get-RandomItem $notesActive; $tier = Get-RandomWeighted $tierWeights
        switch ($status) {
            'Prospect'   { $joined = Get-RandomDate (D 2014 9 1) $programmeEnd; $tier = 'Registered'; $notes = Get-RandomItem 'Applied online', 'Met at the partner summit', '' }
            'Onboarding' { $joined = Get-RandomDate (D 2015 6 1) $programmeEnd; $tier = Get-RandomItem 'Registered', 'Silver'; $notes = 'Onboarding: certification in progress' }
            'Terminated' {
                $joined = Get-JoinDate $programmeStart (D 2014 6 30) $otherYears
                $ended = Get-RandomDate ($joined.AddDays(90)) $programmeEnd
                $notes = Get-RandomItem 'Agreement not renewed', 'Ended by mutual agreement', 'Ceased trading', 'Moved to a competing vendor'
            }
            'Suspended'  { $joined = Get-JoinDate $programmeStart $programmeEnd $otherYears; $notes = 'Suspended pending compliance review' }
            default      { $joined = Get-JoinDate $programmeStart $programmeEnd $otherYears }
        }
        Add-SamplePartner -Region $region -Country (Get-Country $region) -Type (Get-PartnerType) -Tier $tier -Status $status -JoinedOn $joined -EndedOn $ended -Notes $notes
    }
}

# --- Names ----------------------------------------------------------------------------------------------------------
$usedNames = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
foreach ($p in $partners) { if ($p.Name -and -not $usedNames.Add($p.Name)) { throw "Duplicate fixed name $($p.Name)" } }
foreach ($fixed in $fixedNames.Keys) {
    $target = $partners | Where-Object { $_.Country -eq $fixedNames[$fixed] -and -not $_.Fixed -and $_.Status -eq 'Active' } | Select-Object -First 1
    if (-not $usedNames.Add($fixed)) { throw "Duplicate fixed name $fixed" }
    $target.Name = $fixed; $target.Fixed = $true
}

function New-CompanyName([object] $Partner) {
    $c = $Partner.Country
    $suffix = Get-RandomItem $script:legalSuffix[$c]
    if ($c -eq 'CN') {
        $brand = Get-RandomItem $script:chinaBrand; $industry = Get-RandomItem $script:chinaIndustry
        if ($script:rng.NextDouble() -lt 0.85) { return "$(Get-RandomItem $script:chinaCity) $brand $industry $suffix" }
        return "$brand $industry $suffix"
    }
    $lang = $script:language[$c]
    $prefix = if ($script:rng.NextDouble() -lt 0.6) { Get-RandomItem $script:prefixByCountry[$c] } else { Get-RandomItem $script:genericPrefix }
    $biz = Get-RandomItem $script:typeBiz[$Partner.Type]
    $sLang = $script:surnameLanguage[$c]
    $r = $script:rng.NextDouble()
    if ($sLang -and $r -ge 0.70) {
        $s1 = Get-RandomItem $script:surnames[$sLang]
        do { $s2 = Get-RandomItem $script:surnames[$sLang] } while ($s2 -eq $s1)
        if ($r -lt 0.84) { return "$s1 $(Get-RandomItem $script:localTech[$lang]) $suffix" }
        if ($r -lt 0.92) { return "$s1 & $s2 $biz $suffix" }
        if ($r -lt 0.95 -and $lang -eq 'de') { return "$s1 & Söhne $(Get-RandomItem $script:localTech['de']) $suffix" }
        return "$s1, $s2 $($script:partnersPhrase[$sLang]) $suffix"
    }
    if ($r -lt 0.40) { return "$prefix $(Get-RandomItem $script:enTech) $biz $suffix" }
    if ($r -lt 0.55) { return "$prefix $biz $suffix" }
    return "$prefix $(Get-RandomItem $script:localTech[$lang]) $suffix"
}

foreach ($p in $partners) {
    if ($p.Name) { continue }
    do { $name = New-CompanyName $p } until ($usedNames.Add($name))
    $p.Name = $name
}

$weOnAsOf = @($partners | Where-Object { $_.Region -eq 'Western Europe' -and $_.Status -ne 'Prospect' -and $_.JoinedOn -le $asOf -and ($null -eq $_.EndedOn -or $_.EndedOn -gt $asOf) }).Count
if ($weOnAsOf -ne 700) { throw "Internal error: $weOnAsOf Western Europe partners on 2015-01-01, not 700" }

#endregion

#region Revenue

$years = 2012..2015
$rates = [ordered]@{
    'GBP' = @{ 2012 = 1.585d; 2013 = 1.565d; 2014 = 1.648d; 2015 = 1.55d }
    'EUR' = @{ 2012 = 1.286d; 2013 = 1.328d; 2014 = 1.329d; 2015 = 1.11d }
}

# Enterprise shape (USD): total, share through partners, share from China, and the part of China's revenue that is through partners.
$enterprise = @{
    2012 = @{ Total = 1600000000d; Partner = 0.70d; China = 0.54d; ChinaPartner = 0.78d }
    2013 = @{ Total = 2000000000d; Partner = 0.73d; China = 0.56d; ChinaPartner = 0.79d }
    2014 = @{ Total = 2500000000d; Partner = 0.76d; China = 0.58d; ChinaPartner = 0.80d }
    2015 = @{ Total = 3100000000d; Partner = 0.78d; China = 0.60d; ChinaPartner = 0.80d }
}
$otherSegments = @{
    Carrier  = @{ 2012 = 310000000d; 2013 = 345000000d; 2014 = 385000000d; 2015 = 420000000d }
    Consumer = @{ 2012 = 150000000d; 2013 = 170000000d; 2014 = 190000000d; 2015 = 215000000d }
}

$tierDeals = @{ Registered = 1.2; Silver = 1.8; Gold = 3.0; Platinum = 4.5 }
$tierSize = @{ Registered = 1d; Silver = 2d; Gold = 4d; Platinum = 8d }
$regionSize = @{ 'Western Europe' = 1d; 'China' = 1d; 'North America' = 1.5d; 'Asia Pacific' = 1d; 'Eastern Europe' = 0.6d; 'Middle East & Africa' = 0.8d; 'Latin America' = 0.7d }
$segmentMix = @{
    ServiceProvider = [ordered]@{ Enterprise = 60; Carrier = 35; Consumer = 5 }
    Distributor     = [ordered]@{ Enterprise = 75; Carrier = 5; Consumer = 20 }
    Reseller        = [ordered]@{ Enterprise = 84; Carrier = 3; Consumer = 13 }
    Other           = [ordered]@{ Enterprise = 80; Carrier = 10; Consumer = 10 }
}
$defaultMix = [ordered]@{ Enterprise = 92; Carrier = 5; Consumer = 3 }

$deals = [System.Collections.Generic.List[object]]::new()
$dealSeq = 0

function Get-Bucket([string] $Segment, [int] $Year, [bool] $IsPartner, [string] $Region) {
    if ($Segment -ne 'Enterprise') { return "$Segment|$Year" }
    "Enterprise|$Year|$(if ($IsPartner) { 'Partner' } else { 'Direct' })|$(if ($Region -eq 'China') { 'China' } else { 'Other' })"
}

function Add-Deal([string] $PartnerName, [datetime] $Date, [string] $Currency, [string] $Segment, [string] $Region, [decimal] $Weight) {
    $script:dealSeq++
    $script:deals.Add([pscustomobject]@{
        Seq = $script:dealSeq; PartnerName = $PartnerName; Date = $Date; Currency = $Currency; Segment = $Segment; Region = $Region
        Weight = $Weight; Bucket = (Get-Bucket $Segment $Date.Year ($PartnerName -ne '') $Region); Amount = 0d; Reference = ''
    })
}

function Get-PartnerCurrency([object] $Partner) {
    if ($Partner.Region -ne 'Western Europe') { return 'USD' }
    if ($Partner.Country -in 'GB', 'IE') { return 'GBP' }
    'EUR'
}

# Partner revenue: only while a partner (from JoinedOn, before EndedOn); none for prospects or partners still onboarding.
foreach ($p in $partners) {
    if ($p.Status -in 'Prospect', 'Onboarding') { continue }
    $isMeridian = $p.Name -eq 'Meridian Distribution Europe'
    $perYear = $tierDeals[$p.Tier]
    if ($p.Big) { $perYear = 6.0 } elseif ($isMeridian) { $perYear = 4.0 }
    $size = $tierSize[$p.Tier] * $regionSize[$p.Region]
    if ($p.Big) { $size *= 5d } elseif ($isMeridian) { $size *= 3d }
    $mix = if ($segmentMix.ContainsKey($p.Type)) { $segmentMix[$p.Type] } else { $defaultMix }
    foreach ($year in $years) {
        $from = [datetime]::new($year, 1, 1); if ($p.JoinedOn -gt $from) { $from = $p.JoinedOn }
        $to = [datetime]::new($year, 12, 31)
        if ($null -ne $p.EndedOn -and $p.EndedOn.AddDays(-1) -lt $to) { $to = $p.EndedOn.AddDays(-1) }
        if ($to -lt $from) { continue }
        $daysInYear = if ([datetime]::IsLeapYear($year)) { 366 } else { 365 }
        $expected = $perYear * (($to - $from).Days + 1) / $daysInYear
        $n = [int] [Math]::Floor($expected + $rng.NextDouble())
        if ($n -eq 0 -and ($isMeridian -or $p.Big)) { $n = 1 }
        for ($k = 0; $k -lt $n; $k++) {
            $segment = Get-RandomWeighted $mix
            if ($isMeridian -and $k -eq 0) { $segment = 'Enterprise' }
            Add-Deal -PartnerName $p.Name -Date (Get-RandomDate $from $to) -Currency (Get-PartnerCurrency $p) -Segment $segment -Region $p.Region `
                -Weight ($size * (Get-DealWeight))
        }
    }
}

# Direct revenue: Region always set; USD, and in Western Europe also EUR and GBP.
$directRows = [ordered]@{
    'China' = 28; 'Western Europe' = 24; 'North America' = 20; 'Asia Pacific' = 10; 'Eastern Europe' = 5; 'Middle East & Africa' = 6; 'Latin America' = 5
}
$directRegionWeights = [ordered]@{
    'China' = 30; 'Western Europe' = 25; 'North America' = 20; 'Asia Pacific' = 10; 'Eastern Europe' = 5; 'Middle East & Africa' = 5; 'Latin America' = 5
}
foreach ($year in $years) {
    $from = [datetime]::new($year, 1, 1); $to = [datetime]::new($year, 12, 31)
    $plan = [System.Collections.Generic.List[object]]::new()
    foreach ($region in $directRows.Keys) { for ($k = 0; $k -lt $directRows[$region]; $k++) { $plan.Add(@($region, 'Enterprise')) } }
    foreach ($segment in 'Carrier', 'Consumer') { for ($k = 0; $k -lt 9; $k++) { $plan.Add(@((Get-RandomWeighted $directRegionWeights), $segment)) } }
    foreach ($item in $plan) {
        $region = $item[0]; $segment = $item[1]
        $currency = if ($region -eq 'Western Europe') { Get-RandomWeighted ([ordered]@{ USD = 50; EUR = 30; GBP = 20 }) } else { 'USD' }
        Add-Deal -PartnerName '' -Date (Get-RandomDate $from $to) -Currency $currency -Segment $segment -Region $region `
            -Weight ($regionSize[$region] * 3d * (Get-DealWeight))
    }
}

# Scale each bucket to its USD target, then convert to the row's currency, rounded to cents.
$bucketTarget = @{}
foreach ($year in $years) {
    $e = $enterprise[$year]
    $china = $e.Total * $e.China
    $chinaPartner = $china * $e.ChinaPartner
    $partner = $e.Total * $e.Partner
    $bucketTarget["Enterprise|$year|Partner|China"] = $chinaPartner
    $bucketTarget["Enterprise|$year|Direct|China"] = $china - $chinaPartner
    $bucketTarget["Enterprise|$year|Partner|Other"] = $partner - $chinaPartner
    $bucketTarget["Enterprise|$year|Direct|Other"] = $e.Total - $partner - ($china - $chinaPartner)
    foreach ($segment in $otherSegments.Keys) { $bucketTarget["$segment|$year"] = $otherSegments[$segment][$year] }
}
$bucketWeight = @{}
foreach ($d in $deals) { $bucketWeight[$d.Bucket] = $(if ($bucketWeight.ContainsKey($d.Bucket)) { $bucketWeight[$d.Bucket] } else { 0d }) + $d.Weight }
foreach ($key in $bucketTarget.Keys) { if (-not $bucketWeight.ContainsKey($key)) { throw "Internal error: no rows for $key" } }
foreach ($d in $deals) {
    $usd = $d.Weight * $bucketTarget[$d.Bucket] / $bucketWeight[$d.Bucket]
    $rate = if ($d.Currency -eq 'USD') { 1d } else { $rates[$d.Currency][$d.Date.Year] }
    $d.Amount = [Math]::Round($usd / $rate, 2, [MidpointRounding]::AwayFromZero)
    if ($d.Amount -le 0) { throw "Internal error: amount $($d.Amount)" }
}

# In date order; references numbered per year in that order.
$revenue = @($deals | Sort-Object { $_.Date }, { $_.Seq })
$counter = @{}
foreach ($d in $revenue) {
    $y = $d.Date.Year
    $counter[$y] = $(if ($counter.ContainsKey($y)) { $counter[$y] } else { 0 }) + 1
    $d.Reference = 'INV-{0}-{1:000000}' -f $y, $counter[$y]
}

#endregion

#region Writing

function ConvertTo-CsvField([AllowNull()] [object] $Value) {
    $s = if ($null -eq $Value) { '' } elseif ($Value -is [datetime]) { $Value.ToString('yyyy-MM-dd', $inv) }
         elseif ($Value -is [IFormattable]) { $Value.ToString($null, $inv) } else { [string] $Value }
    if ($s.IndexOfAny([char[]] (',"' + "`r`n")) -ge 0 -or $s -ne $s.Trim()) { return '"' + $s.Replace('"', '""') + '"' }
    $s
}

function Write-SampleCsv([string] $FileName, [string[]] $Columns, [object[]] $Rows) {
    $sb = [System.Text.StringBuilder]::new()
    [void] $sb.Append(($Columns -join ',')).Append("`n")
    foreach ($row in $Rows) {
        [void] $sb.Append((($Columns | ForEach-Object { ConvertTo-CsvField $row.$_ }) -join ',')).Append("`n")
    }
    $path = Join-Path $OutputPath $FileName
    [System.IO.File]::WriteAllText($path, $sb.ToString(), [System.Text.UTF8Encoding]::new($false))
    [pscustomobject]@{ File = $FileName; Rows = $Rows.Count; Bytes = (Get-Item -LiteralPath $path).Length }
}

$null = New-Item -ItemType Directory -Force -Path $OutputPath

$partnerRows = $partners | Sort-Object { $_.JoinedOn }, { $_.Seq }
$revenueRows = $revenue | ForEach-Object {
    [pscustomobject]@{ PartnerName = $_.PartnerName; Date = $_.Date; Amount = $_.Amount.ToString('0.00', $inv); Currency = $_.Currency
                       Segment = $_.Segment; Region = $_.Region; Reference = $_.Reference }
}
# Rates with four decimals: 1.585 would read as 1585 too in a culture that groups thousands with '.' (de-DE), and the
# module refuses text with two readings; 1.5850 has one in every culture, so the samples import in any session.
$rateRows = foreach ($from in $rates.Keys) { foreach ($year in $years) { [pscustomobject]@{ From = $from; To = 'USD'; Year = $year; Rate = ([decimal] $rates[$from][$year]).ToString('0.0000', $inv) } } }
$targetRows = @(
    [pscustomobject]@{ Metric = 'PartnerCount';        Region = 'Western Europe'; Year = 2015; Value = '1000';       Currency = '' }
    [pscustomobject]@{ Metric = 'PartnerRevenueShare'; Region = '';               Year = 2015; Value = '1';          Currency = '' }
    [pscustomobject]@{ Metric = 'PartnerCount';        Region = 'China';          Year = 2015; Value = '200';        Currency = '' }
    [pscustomobject]@{ Metric = 'PartnerRevenue';      Region = 'China';          Year = 2015; Value = '2000000000'; Currency = 'USD' }
)

Write-SampleCsv 'partners.csv' Name, Type, Tier, Status, Region, Country, JoinedOn, EndedOn, Notes $partnerRows
Write-SampleCsv 'revenue.csv' PartnerName, Date, Amount, Currency, Segment, Region, Reference $revenueRows
Write-SampleCsv 'exchange-rates.csv' From, To, Year, Rate $rateRows
Write-SampleCsv 'targets.csv' Metric, Region, Year, Value, Currency $targetRows

#endregion
