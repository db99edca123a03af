import "server-only";
import { generateKeyPair, randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SignPdf } from "@signpdf/signpdf";
import { Signer } from "@signpdf/utils";
import forge from "node-forge";

/** A signing identity in PEM: the RSA private key (PKCS#1, plain: only ever held in memory) and its certificate. */
export type SigningIdentity = { privateKeyPem: string; certificatePem: string };

const YEARS_VALID = 30;

/**
 * A new RSA-2048 key and a self-signed X.509 certificate whose CN (and O) is `name` — the institution's
 * Chinese name, as a UTF8String. The key pair comes from node's crypto (off the main thread); forge writes
 * the certificate.
 */
export async function createSigningIdentity(name: string, now = new Date()): Promise<SigningIdentity> {
  const { privateKey } = await promisify(generateKeyPair)("rsa", { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // A positive serial: 16 random bytes with the top bit cleared.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString("hex");
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime());
  cert.validity.notAfter.setFullYear(now.getFullYear() + YEARS_VALID);
  const dn = [
    { shortName: "CN", value: name, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: "O", value: name, valueTagClass: forge.asn1.Type.UTF8 },
    { shortName: "C", value: "CN" },
  ] as forge.pki.CertificateField[];
  cert.setSubject(dn);
  cert.setIssuer(dn);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", critical: true, digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { privateKeyPem, certificatePem: forge.pki.certificateToPem(cert) };
}

/** The subject CN of a PEM certificate, as text (forge keeps parsed UTF8String values as UTF-8 bytes; its typings call the tag a Class). */
export function certificateCommonName(certificatePem: string): string | null {
  const cert = forge.pki.certificateFromPem(certificatePem);
  const cn = cert.subject.getField("CN") as forge.pki.CertificateField | null;
  if (!cn || typeof cn.value !== "string") return null;
  return (cn.valueTagClass as number) === forge.asn1.Type.UTF8 ? forge.util.decodeUtf8(cn.value) : cn.value;
}

/**
 * A detached PKCS#7 signer over a PEM key and certificate — the code of `@signpdf/signer-p12`, plus the fix
 * for a forge bug (STACK-NOTES "PDF signature"): a parsed certificate keeps a UTF8String DN value as UTF-8
 * bytes, and forge encodes it as UTF-8 again when it writes the signer's issuerAndSerialNumber, so a Chinese
 * issuer no longer matches the certificate (pdfsig: empty CN, "Unknown Validation Failure"). Decoding those
 * values first makes forge write them back byte for byte.
 */
class PemSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const certificate = forge.pki.certificateFromPem(this.identity.certificatePem);
    for (const a of certificate.issuer.attributes) {
      if ((a.valueTagClass as number) === forge.asn1.Type.UTF8 && typeof a.value === "string") a.value = forge.util.decodeUtf8(a.value);
    }
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString("binary"));
    p7.addCertificate(certificate);
    p7.addSigner({
      key: forge.pki.privateKeyFromPem(this.identity.privateKeyPem),
      certificate,
      digestAlgorithm: forge.pki.oids.sha256!,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType!, value: forge.pki.oids.data },
        // forge's typings say string; its code takes a Date for signingTime.
        { type: forge.pki.oids.signingTime!, value: (signingTime ?? new Date()) as unknown as string },
        { type: forge.pki.oids.messageDigest! },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
  }
}

export type SignatureInfo = { reason: string; name: string; location: string; contactInfo: string };

/**
 * Signs a finished PDF in the file itself (R-PUB-4): an incremental update adds the signature field and a
 * detached PKCS#7 (RSA-SHA256) over every byte but the signature, so any PDF reader — and `pdfsig` — tells
 * whether the file was altered afterwards.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, info: SignatureInfo, signingTime = new Date()): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({ pdfBuffer: pdf, ...info, signingTime, appName: "强检通" });
  return new SignPdf().sign(withPlaceholder, new PemSigner(identity), signingTime);
}
