#!/usr/bin/env python3
"""Makes the stand-in photos of the bundled example's scrape (content/*/HOST/PATH, the layout
`wget -p -H` writes beside a page). The stories are fictional, so are the pictures: gradients
and shapes, one per image URL the pages name, at the sizes a news site serves. Needs Pillow
(`pip install pillow`); run once from the repository root, the files are committed."""
import hashlib, os, sys
from PIL import Image, ImageDraw

IMAGES = [
    # (folder beside the pages, image URL without scheme, width, height, options)
    ("inews", "img.inews.id/media/822/files/networks/2026/09/19/perahu_nelayan_gebang.jpg", 2400, 1600, {}),
    ("inews", "img.inews.id/media/822/files/inews_new/2026/09/16/gedung_bank_indonesia.jpg", 1600, 900, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/08/27/fogging_bandung.jpg", 1280, 720, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/09/06/stasiun_tegalluar.jpg", 2000, 1125, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/09/13/persebaya_arema_gbt.jpg", 1920, 1080, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/08/31/cabai_pasar_keputran.jpg", 1600, 1067, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/08/31/bawang_merah_wonokromo.jpg", 1200, 800, {"orientation": 6}),
    ("inews", "img.inews.id/media/822/files/inews_new/2026/10/06/banjir_rob_kamal_muara.jpg", 2400, 1350, {}),
    ("inews", "img.inews.id/media/822/files/inews_new/2026/09/22/rapat_komisi_ii_dpr.jpg", 1600, 900, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/09/29/banjir_medan_maimun.jpg", 1024, 683, {}),
    ("inews", "img.inews.id/media/822/files/networks/2026/10/02/psms_pelatih_baru.jpg", 900, 600, {}),
    ("inews", "img.inews.id/media/822/files/inews_new/2026/10/13/anak_gawai.jpg", 1600, 1067, {"gps": True}),
    ("blog", "commonsledger.example/wp-content/uploads/2026/08/cocoa-drying-luwu.jpg", 2048, 1365, {}),
    ("blog", "commonsledger.example/wp-content/uploads/2026/08/cocoa-drying-luwu-1024x683.jpg", 1024, 683, {}),
    ("broadcast", "images.albionmedia.example/976/cpsprodpb/thames-barrier-gates-raised.jpg", 976, 549, {}),
    ("broadcast", "images.albionmedia.example/976/cpsprodpb/woolwich-reach-high-tide.jpg", 976, 549, {}),
    ("og", "www.techdesk.example/uploads/2026/08/fab-water-recycling.jpg", 1800, 1200, {}),
    ("uk", "www.eastlondonchronicle.example/images/2026/10/cafe-begona-roman-road.jpg", 1500, 1000, {}),
]

def picture(name, w, h):
    seed = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    base = [(seed >> s) & 0xFF for s in (0, 8, 16)]
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    for y in range(h):  # sky-to-ground gradient
        t = y / h
        d.line([(0, y), (w, y)], fill=tuple(int(c * (1 - t) + (255 - c) * t * 0.6) for c in base))
    for i in range(6):
        x, y = (seed >> (i * 7)) % w, (seed >> (i * 5 + 3)) % h
        r = w // (6 + i)
        d.ellipse([x - r, y - r, x + r, y + r], fill=tuple((c + 60 * i) % 256 for c in base[::-1]))
    d.rectangle([0, int(h * 0.78), w, h], fill=tuple(c // 3 for c in base))
    return im

for folder, path, w, h, options in IMAGES:
    target = os.path.join("content", folder, path)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    im = picture(path, w, h)
    exif = Image.Exif()
    exif[0x010F] = "Example Camera"
    if options.get("orientation"):
        exif[0x0112] = options["orientation"]
        im = im.transpose(Image.Transpose.ROTATE_90)  # stored turned, as a phone writes it
    if options.get("gps"):
        exif[0x8825] = {1: "S", 2: (6.0, 10.0, 0.0), 3: "E", 4: (106.0, 49.0, 0.0)}
    im.save(target, quality=82, exif=exif)
    print(target, os.path.getsize(target))
