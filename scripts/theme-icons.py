#!/usr/bin/env python3
# Writes the default theme's icons into a folder (templates/static): favicon.svg, favicon.ico
# (16, 32 and 48 px PNGs), apple-touch-icon.png (180 px), icon-192.png and icon-512.png.
#
#   python3 scripts/theme-icons.py templates/static
#
# Draws galley's default icon (a red square with a headline bar and three text lines, like a
# galley proof) as PNG at any size, with 4x4 supersampling, using only the standard library.
import struct, zlib, sys
BG=(0xa4,0x26,0x2c); FG=(255,255,255)
BARS=[(16,18,48,25),(16,30,48,33),(16,37,48,40),(16,44,40,47)]  # on a 64-unit grid
def covered(x,y):
    return any(a<=x<c and b<=y<d for a,b,c,d in BARS)
def png(size):
    ss=4; rows=[]
    for py in range(size):
        row=bytearray([0])
        for px in range(size):
            hits=0
            for sy in range(ss):
                for sx in range(ss):
                    x=(px+(sx+0.5)/ss)*64/size; y=(py+(sy+0.5)/ss)*64/size
                    hits+=covered(x,y)
            t=hits/(ss*ss)
            row+=bytes(round(BG[i]*(1-t)+FG[i]*t) for i in range(3))
        rows.append(bytes(row))
    raw=b''.join(rows)
    def chunk(k,d): return struct.pack('>I',len(d))+k+d+struct.pack('>I',zlib.crc32(k+d)&0xffffffff)
    return b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',size,size,8,2,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
out=sys.argv[1]
for name,size in [('apple-touch-icon.png',180),('icon-192.png',192),('icon-512.png',512)]:
    open(f'{out}/{name}','wb').write(png(size))
sizes=[16,32,48]; imgs=[png(s) for s in sizes]
ico=struct.pack('<HHH',0,1,len(sizes)); off=6+16*len(sizes)
for s,d in zip(sizes,imgs):
    ico+=struct.pack('<BBBBHHII',s,s,0,0,1,32,len(d),off); off+=len(d)
open(f'{out}/favicon.ico','wb').write(ico+b''.join(imgs))
rects=''.join(f'<rect x="{a}" y="{b}" width="{c-a}" height="{d-b}"/>' for a,b,c,d in BARS)
open(f'{out}/favicon.svg','w').write(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#a4262c"/><g fill="#fff">{rects}</g></svg>\n')
