"""English local authorities: where a looked-after child is placed (the placement's LA, as
SSDA903's episodes carried it in PL_LA), and the authority's own code.

Source: the DfE's published children in need statistics for 2025 (Open Government Licence),
``performance/data/b1_children_in_need_2013_to_2025.csv``, its rows at geographic level "Local
authority": 153 authorities, each with the DfE's three-digit (old) LA code, the ONS code and its
name. The value stored is the three-digit code, as ``settings.OPENCSC_LA_CODE`` and LA_PERM are.

Annex A (``specs/annex_a/Annex_A_schema.yml``, list 8 "LA of Placement") names a few authorities
differently from the DfE's statistics: ``annex_a_name`` gives its form.
"""

from django.conf import settings
from django.db import models

# Chosen when the worker does not know the authority the placement is in (never guessed).
NOT_KNOWN = "NK"

# (three-digit code, ONS code, name, region)
AUTHORITIES = [
    ("301", "E09000002", "Barking and Dagenham", "Outer London"),
    ("302", "E09000003", "Barnet", "Outer London"),
    ("370", "E08000016", "Barnsley", "Yorkshire and The Humber"),
    ("800", "E06000022", "Bath and North East Somerset", "South West"),
    ("822", "E06000055", "Bedford", "East of England"),
    ("303", "E09000004", "Bexley", "Outer London"),
    ("330", "E08000025", "Birmingham", "West Midlands"),
    ("889", "E06000008", "Blackburn with Darwen", "North West"),
    ("890", "E06000009", "Blackpool", "North West"),
    ("350", "E08000001", "Bolton", "North West"),
    ("839", "E06000058", "Bournemouth, Christchurch and Poole", "South West"),
    ("867", "E06000036", "Bracknell Forest", "South East"),
    ("380", "E08000032", "Bradford", "Yorkshire and The Humber"),
    ("304", "E09000005", "Brent", "Outer London"),
    ("846", "E06000043", "Brighton and Hove", "South East"),
    ("801", "E06000023", "Bristol, City of", "South West"),
    ("305", "E09000006", "Bromley", "Outer London"),
    ("825", "E06000060", "Buckinghamshire", "South East"),
    ("351", "E08000002", "Bury", "North West"),
    ("381", "E08000033", "Calderdale", "Yorkshire and The Humber"),
    ("873", "E10000003", "Cambridgeshire", "East of England"),
    ("202", "E09000007", "Camden", "Inner London"),
    ("823", "E06000056", "Central Bedfordshire", "East of England"),
    ("895", "E06000049", "Cheshire East", "North West"),
    ("896", "E06000050", "Cheshire West and Chester", "North West"),
    ("201", "E09000001", "City of London", "Inner London"),
    ("908", "E06000052", "Cornwall", "South West"),
    ("840", "E06000047", "County Durham", "North East"),
    ("331", "E08000026", "Coventry", "West Midlands"),
    ("306", "E09000008", "Croydon", "Outer London"),
    ("942", "E06000063", "Cumberland", "North West"),
    ("841", "E06000005", "Darlington", "North East"),
    ("831", "E06000015", "Derby", "East Midlands"),
    ("830", "E10000007", "Derbyshire", "East Midlands"),
    ("878", "E10000008", "Devon", "South West"),
    ("371", "E08000017", "Doncaster", "Yorkshire and The Humber"),
    ("838", "E06000059", "Dorset", "South West"),
    ("332", "E08000027", "Dudley", "West Midlands"),
    ("307", "E09000009", "Ealing", "Outer London"),
    ("811", "E06000011", "East Riding of Yorkshire", "Yorkshire and The Humber"),
    ("845", "E10000011", "East Sussex", "South East"),
    ("308", "E09000010", "Enfield", "Outer London"),
    ("881", "E10000012", "Essex", "East of England"),
    ("390", "E08000037", "Gateshead", "North East"),
    ("916", "E10000013", "Gloucestershire", "South West"),
    ("203", "E09000011", "Greenwich", "Outer London"),
    ("204", "E09000012", "Hackney", "Inner London"),
    ("876", "E06000006", "Halton", "North West"),
    ("205", "E09000013", "Hammersmith and Fulham", "Inner London"),
    ("850", "E10000014", "Hampshire", "South East"),
    ("309", "E09000014", "Haringey", "Inner London"),
    ("310", "E09000015", "Harrow", "Outer London"),
    ("805", "E06000001", "Hartlepool", "North East"),
    ("311", "E09000016", "Havering", "Outer London"),
    ("884", "E06000019", "Herefordshire, County of", "West Midlands"),
    ("919", "E10000015", "Hertfordshire", "East of England"),
    ("312", "E09000017", "Hillingdon", "Outer London"),
    ("313", "E09000018", "Hounslow", "Outer London"),
    ("921", "E06000046", "Isle of Wight", "South East"),
    ("420", "E06000053", "Isles of Scilly", "South West"),
    ("206", "E09000019", "Islington", "Inner London"),
    ("207", "E09000020", "Kensington and Chelsea", "Inner London"),
    ("886", "E10000016", "Kent", "South East"),
    ("810", "E06000010", "Kingston upon Hull, City of", "Yorkshire and The Humber"),
    ("314", "E09000021", "Kingston upon Thames", "Outer London"),
    ("382", "E08000034", "Kirklees", "Yorkshire and The Humber"),
    ("340", "E08000011", "Knowsley", "North West"),
    ("208", "E09000022", "Lambeth", "Inner London"),
    ("888", "E10000017", "Lancashire", "North West"),
    ("383", "E08000035", "Leeds", "Yorkshire and The Humber"),
    ("856", "E06000016", "Leicester", "East Midlands"),
    ("855", "E10000018", "Leicestershire", "East Midlands"),
    ("209", "E09000023", "Lewisham", "Inner London"),
    ("925", "E10000019", "Lincolnshire", "East Midlands"),
    ("341", "E08000012", "Liverpool", "North West"),
    ("821", "E06000032", "Luton", "East of England"),
    ("352", "E08000003", "Manchester", "North West"),
    ("887", "E06000035", "Medway", "South East"),
    ("315", "E09000024", "Merton", "Outer London"),
    ("806", "E06000002", "Middlesbrough", "North East"),
    ("826", "E06000042", "Milton Keynes", "South East"),
    ("391", "E08000021", "Newcastle upon Tyne", "North East"),
    ("316", "E09000025", "Newham", "Inner London"),
    ("926", "E10000020", "Norfolk", "East of England"),
    ("812", "E06000012", "North East Lincolnshire", "Yorkshire and The Humber"),
    ("813", "E06000013", "North Lincolnshire", "Yorkshire and The Humber"),
    ("940", "E06000061", "North Northamptonshire", "East Midlands"),
    ("802", "E06000024", "North Somerset", "South West"),
    ("392", "E08000022", "North Tyneside", "North East"),
    ("815", "E06000065", "North Yorkshire", "Yorkshire and The Humber"),
    ("929", "E06000057", "Northumberland", "North East"),
    ("892", "E06000018", "Nottingham", "East Midlands"),
    ("891", "E10000024", "Nottinghamshire", "East Midlands"),
    ("353", "E08000004", "Oldham", "North West"),
    ("931", "E10000025", "Oxfordshire", "South East"),
    ("874", "E06000031", "Peterborough", "East of England"),
    ("879", "E06000026", "Plymouth", "South West"),
    ("851", "E06000044", "Portsmouth", "South East"),
    ("870", "E06000038", "Reading", "South East"),
    ("317", "E09000026", "Redbridge", "Outer London"),
    ("807", "E06000003", "Redcar and Cleveland", "North East"),
    ("318", "E09000027", "Richmond upon Thames", "Outer London"),
    ("354", "E08000005", "Rochdale", "North West"),
    ("372", "E08000018", "Rotherham", "Yorkshire and The Humber"),
    ("857", "E06000017", "Rutland", "East Midlands"),
    ("355", "E08000006", "Salford", "North West"),
    ("333", "E08000028", "Sandwell", "West Midlands"),
    ("343", "E08000014", "Sefton", "North West"),
    ("373", "E08000019", "Sheffield", "Yorkshire and The Humber"),
    ("893", "E06000051", "Shropshire", "West Midlands"),
    ("871", "E06000039", "Slough", "South East"),
    ("334", "E08000029", "Solihull", "West Midlands"),
    ("933", "E06000066", "Somerset", "South West"),
    ("803", "E06000025", "South Gloucestershire", "South West"),
    ("393", "E08000023", "South Tyneside", "North East"),
    ("852", "E06000045", "Southampton", "South East"),
    ("882", "E06000033", "Southend-on-Sea", "East of England"),
    ("210", "E09000028", "Southwark", "Inner London"),
    ("342", "E08000013", "St. Helens", "North West"),
    ("860", "E10000028", "Staffordshire", "West Midlands"),
    ("356", "E08000007", "Stockport", "North West"),
    ("808", "E06000004", "Stockton-on-Tees", "North East"),
    ("861", "E06000021", "Stoke-on-Trent", "West Midlands"),
    ("935", "E10000029", "Suffolk", "East of England"),
    ("394", "E08000024", "Sunderland", "North East"),
    ("936", "E10000030", "Surrey", "South East"),
    ("319", "E09000029", "Sutton", "Outer London"),
    ("866", "E06000030", "Swindon", "South West"),
    ("357", "E08000008", "Tameside", "North West"),
    ("894", "E06000020", "Telford and Wrekin", "West Midlands"),
    ("883", "E06000034", "Thurrock", "East of England"),
    ("880", "E06000027", "Torbay", "South West"),
    ("211", "E09000030", "Tower Hamlets", "Inner London"),
    ("358", "E08000009", "Trafford", "North West"),
    ("384", "E08000036", "Wakefield", "Yorkshire and The Humber"),
    ("335", "E08000030", "Walsall", "West Midlands"),
    ("320", "E09000031", "Waltham Forest", "Outer London"),
    ("212", "E09000032", "Wandsworth", "Inner London"),
    ("877", "E06000007", "Warrington", "North West"),
    ("937", "E10000031", "Warwickshire", "West Midlands"),
    ("869", "E06000037", "West Berkshire", "South East"),
    ("941", "E06000062", "West Northamptonshire", "East Midlands"),
    ("938", "E10000032", "West Sussex", "South East"),
    ("213", "E09000033", "Westminster", "Inner London"),
    ("943", "E06000064", "Westmorland and Furness", "North West"),
    ("359", "E08000010", "Wigan", "North West"),
    ("865", "E06000054", "Wiltshire", "South West"),
    ("868", "E06000040", "Windsor and Maidenhead", "South East"),
    ("344", "E08000015", "Wirral", "North West"),
    ("872", "E06000041", "Wokingham", "South East"),
    ("336", "E08000031", "Wolverhampton", "West Midlands"),
    ("885", "E10000034", "Worcestershire", "West Midlands"),
    ("816", "E06000014", "York", "Yorkshire and The Humber"),
]

LocalAuthority = models.TextChoices(
    "LocalAuthority",
    [(f"LA{code}", (code, name)) for code, _ons, name, _region in AUTHORITIES]
    + [("NOT_KNOWN", (NOT_KNOWN, "Not known"))],
)
LocalAuthority.__doc__ = "The placement's local authority: an English authority by its DfE code, or not known."

NAMES = {code: name for code, _ons, name, _region in AUTHORITIES}
REGIONS = {code: region for code, _ons, _name, region in AUTHORITIES}
ONS_CODES = {code: ons for code, ons, _name, _region in AUTHORITIES}

# Annex_A_schema.yml's own spelling, where it differs from the DfE's statistics.
_ANNEX_A_NAMES = {
    "Bedford": "Bedford Borough",
    "County Durham": "Durham",
    "Herefordshire, County of": "Herefordshire",
    "Isles of Scilly": "Isles Of Scilly",
    "Kingston upon Hull, City of": "Kingston Upon Hull, City of",
}


def annex_a_name(code: str) -> str:
    """The "LA of Placement" cell: the authority's name in Annex A's spelling; blank if not known."""
    name = NAMES.get(code, "")
    return _ANNEX_A_NAMES.get(name, name)


def annex_a_location(code: str) -> str:
    """The "Placement Location" cell: inside or outside the council's own authority
    (``settings.OPENCSC_LA_CODE``); blank when the placement's authority is not known."""
    if code not in NAMES:
        return ""
    return "a) In" if code == settings.OPENCSC_LA_CODE else "b) Out"
