# Makes the image fixtures of Tests/GalleyImagesTests/Fixtures (run there once with Pillow; the files are committed).
import io, struct, zlib
from PIL import Image, ImageDraw
def picture(w, h):
    im = Image.new("RGB", (w, h), (200, 220, 240))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w // 3, h // 3], fill=(200, 30, 30))   # red block at the top left
    d.ellipse([w // 2, h // 2, w - 10, h - 10], fill=(20, 120, 40))
    return im
# 1200x800 stored landscape, EXIF orientation 6 (shown rotated 90° clockwise: 800x1200), GPS and a camera make.
im = picture(1200, 800)
exif = Image.Exif()
exif[0x0112] = 6           # Orientation
exif[0x010F] = "GalleyTestCam"  # Make
gps = {1: "S", 2: (6.0, 12.0, 30.0), 3: "E", 4: (106.0, 49.0, 0.0)}
exif[0x8825] = gps
im.save("oriented-gps.jpg", quality=85, exif=exif)
picture(640, 480).save("plain.png")
picture(300, 200).convert("P").save("small.gif")
picture(2000, 1000).save("wide.webp", quality=80)
data = open("oriented-gps.jpg", "rb").read()
open("truncated.jpg", "wb").write(data[: len(data) // 2])
open("script.svg", "w").write('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>\n')
# A PNG whose header declares 60000 x 60000 pixels (3.6 gigapixels) in a few dozen bytes.
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
open("bomb.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b""))
