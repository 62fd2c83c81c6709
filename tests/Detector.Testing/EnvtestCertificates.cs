using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Detector.Testing;

/// <summary>
/// The PKI of an envtest control plane, made in memory (as start-apiserver.sh makes it with openssl): a CA, a serving
/// certificate for 127.0.0.1 and localhost, an admin client certificate in <c>system:masters</c> and the
/// service-account signing key pair. All PEM, valid for a day (a test run never outlives it).
/// </summary>
public sealed record EnvtestCertificates(
    string CaCertificatePem,
    string ServingCertificatePem,
    string ServingKeyPem,
    string AdminCertificatePem,
    string AdminKeyPem,
    string ServiceAccountPublicKeyPem,
    string ServiceAccountPrivateKeyPem)
{
    private static readonly Oid s_serverAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid s_clientAuth = new("1.3.6.1.5.5.7.3.2");

    /// <summary>Generates a fresh set (four RSA 2048 keys, made in parallel: about 0.2-1 s).</summary>
    public static EnvtestCertificates Create()
    {
        var keys = new RSA[4];
        Parallel.For(0, keys.Length, i => keys[i] = RSA.Create(2048));
        var (caKey, servingKey, adminKey, saKey) = (keys[0], keys[1], keys[2], keys[3]);
        try
        {
            var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
            var notAfter = notBefore.AddDays(1);

            var caRequest = new CertificateRequest("CN=envtest-ca", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
            using var ca = caRequest.CreateSelfSigned(notBefore, notAfter);

            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            using var serving = Sign(ca, servingKey, "CN=kube-apiserver", s_serverAuth, names.Build(), notBefore, notAfter);
            // Subject as openssl writes "/O=system:masters/CN=envtest-admin"; the API server reads O as the group.
            using var admin = Sign(ca, adminKey, "O=system:masters, CN=envtest-admin", s_clientAuth, null, notBefore, notAfter);

            return new EnvtestCertificates(
                ca.ExportCertificatePem(),
                serving.ExportCertificatePem(),
                servingKey.ExportPkcs8PrivateKeyPem(),
                admin.ExportCertificatePem(),
                adminKey.ExportPkcs8PrivateKeyPem(),
                saKey.ExportSubjectPublicKeyInfoPem(),
                saKey.ExportPkcs8PrivateKeyPem());
        }
        finally
        {
            foreach (var key in keys)
                key.Dispose();
        }
    }

    /// <summary>The CA as a certificate object (for validating the server's certificate).</summary>
    public X509Certificate2 LoadCa() => X509Certificate2.CreateFromPem(CaCertificatePem);

    private static X509Certificate2 Sign(X509Certificate2 ca, RSA key, string subject, Oid usage,
        X509Extension? alternativeNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (alternativeNames is not null)
            request.CertificateExtensions.Add(alternativeNames);
        return request.Create(ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
    }
}
