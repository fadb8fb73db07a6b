using System;
using System.IO;
using System.Text;

namespace PartnerOps.Import
{
    /// <summary>
    /// Reads a file in another encoding as UTF-8, for Utf8JsonReader. Used only when the file is not UTF-8
    /// already: when an encoding other than UTF-8 is given, or the file starts with a UTF-16 or UTF-32
    /// byte-order mark (as Windows PowerShell's Out-File writes).
    /// </summary>
    internal sealed class Utf8TranscodingStream : Stream
    {
        private readonly StreamReader _reader;
        private readonly char[] _chars = new char[16 * 1024];
        private readonly byte[] _bytes = new byte[Encoding.UTF8.GetMaxByteCount(16 * 1024)];
        private int _offset;
        private int _count;

        private Utf8TranscodingStream(Stream inner, Encoding encoding)
        {
            _reader = new StreamReader(inner, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        }

        /// <summary>The file itself when it is UTF-8, otherwise a UTF-8 view of it.</summary>
        public static Stream Wrap(FileStream file, Encoding? encoding)
        {
            if (encoding == null || encoding is UTF8Encoding)
            {
                var bom = new byte[4];
                var read = file.Read(bom, 0, bom.Length);
                file.Position = 0;
                var utf16Or32 = read >= 2 && ((bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF))
                    || read == 4 && bom[0] == 0 && bom[1] == 0 && bom[2] == 0xFE && bom[3] == 0xFF;
                if (!utf16Or32)
                {
                    return file;
                }

                encoding = Encoding.UTF8; // StreamReader follows the byte-order mark
            }

            return new Utf8TranscodingStream(file, encoding);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _count)
            {
                var chars = _reader.Read(_chars, 0, _chars.Length);
                if (chars == 0)
                {
                    return 0;
                }

                _count = Encoding.UTF8.GetBytes(_chars, 0, chars, _bytes, 0);
                _offset = 0;
            }

            var n = Math.Min(count, _count - _offset);
            Buffer.BlockCopy(_bytes, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _reader.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
